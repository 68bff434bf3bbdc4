package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small route table: method plus path regex, with the regex groups handed to the handler as path parameters. */
final class SimRouter {

    /** Matches an optional "/api" in front of "/v2/...": clients written from the product note use that prefix. */
    static final String API = "(?:/api)?";

    interface Handler {
        SimResponse handle(SimRequest request, List<String> params);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    SimRouter add(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    /** Dispatches to the first route matching method and path; a known path with another method is a 405. */
    SimResponse dispatch(SimRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.handler().handle(request, groups(matcher));
            }
            pathKnown = true;
        }
        if (pathKnown) {
            throw new SimError(405, "METHOD_NOT_ALLOWED", request.method() + " is not allowed on " + request.path());
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
