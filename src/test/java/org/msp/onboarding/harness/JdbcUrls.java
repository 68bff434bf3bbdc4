package org.msp.onboarding.harness;

/** Rewrites PostgreSQL JDBC URLs; the driver has no public API for it. */
final class JdbcUrls {

  private static final String PREFIX = "jdbc:postgresql:";

  private JdbcUrls() {}

  /**
   * The same server, user parameters and options, but another database: {@code
   * jdbc:postgresql://h:p/db?x} becomes {@code jdbc:postgresql://h:p/<database>?x}; the host-less
   * form {@code jdbc:postgresql:db} too.
   */
  static String withDatabase(String url, String database) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String parameters = query < 0 ? "" : rest.substring(query);
    String location = query < 0 ? rest : rest.substring(0, query);
    if (!location.startsWith("//")) {
      return PREFIX + database + parameters;
    }
    int slash = location.indexOf('/', 2);
    String hosts = slash < 0 ? location : location.substring(0, slash);
    return PREFIX + hosts + "/" + database + parameters;
  }
}
