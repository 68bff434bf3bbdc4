package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small route table: method plus path regex, with the regex groups handed to the handler as path
 * parameters.
 */
final class SimRouter {

  /**
   * Matches an optional "/api" in front of "/v2/...": clients written from the product note use
   * that prefix.
   */
  static final String API = "(?:/api)?";

  interface Handler {
    SimResponse handle(SimRequest request, List<String> params);
  }

  /**
   * @param query the query parameters the endpoint takes; any other is refused (null: not checked)
   */
  private record Route(String method, Pattern path, Set<String> query, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final boolean publishedApi;

  /**
   * @param publishedApi whether this table serves NinjaOne's API, whose query parameters and paths
   *     are checked
   */
  SimRouter(boolean publishedApi) {
    this.publishedApi = publishedApi;
  }

  SimRouter add(String method, String pathRegex, Handler handler, String... queryParameters) {
    routes.add(
        new Route(
            method,
            Pattern.compile(pathRegex),
            publishedApi ? Set.of(queryParameters) : null,
            handler));
    return this;
  }

  /**
   * Dispatches to the first route matching method and path; a known path with another method is a
   * 405.
   */
  SimResponse dispatch(SimRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(request.path());
      if (!matcher.matches()) {
        continue;
      }
      if (route.method().equals(request.method())) {
        if (route.query() != null) {
          SimContract.query(request, route.query(), request.method() + " " + request.path());
        }
        return route.handler().handle(request, groups(matcher));
      }
      pathKnown = true;
    }
    if (pathKnown) {
      throw new SimError(
          405, "METHOD_NOT_ALLOWED", request.method() + " is not allowed on " + request.path());
    }
    if (publishedApi) {
      throw SimContract.violation("no such endpoint: " + request.method() + " " + request.path());
    }
    throw SimError.notFound("no such endpoint: " + request.path());
  }

  private static List<String> groups(Matcher matcher) {
    List<String> params = new ArrayList<>(matcher.groupCount());
    for (int i = 1; i <= matcher.groupCount(); i++) {
      params.add(matcher.group(i));
    }
    return params;
  }

  /** A numeric path parameter; too large for a long means no such entity. */
  static long id(String param) {
    try {
      return Long.parseLong(param);
    } catch (NumberFormatException e) {
      throw SimError.notFound("no such id: " + param);
    }
  }
}
