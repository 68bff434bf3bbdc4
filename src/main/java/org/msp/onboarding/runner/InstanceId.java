package org.msp.onboarding.runner;

import java.net.InetAddress;
import java.util.UUID;

/** Names this process as a lease owner: readable (host) and unique (a restart is a new owner). */
final class InstanceId {
  private InstanceId() {}

  static String get() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    String id =
        host
            + "/"
            + ProcessHandle.current().pid()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    return id.length() > 100 ? id.substring(id.length() - 100) : id;
  }
}
