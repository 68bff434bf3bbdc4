package org.msp.onboarding.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;

/**
 * The console's defences without a browser: the sign-in page (first visit, expired sign-in, nothing
 * echoed from the address), form posts only from the console's own pages (Origin), and the security
 * headers on every console response.
 */
class ConsoleSecurityIT extends StackTest {
  private static final String SESSION = "onboarding_console";
  private static final String FOREIGN = "https://attacker.example";

  /**
   * A browser's state: its cookies for /console; its form posts carry the console's Origin, as
   * browsers do.
   */
  private final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();

    RequestSpecification request() {
      return stack.anonymous().redirects().follow(false).cookies(cookies);
    }

    Response get(String path) {
      Response response = request().get(path);
      remember(response);
      return response;
    }

    Response post(String path, Map<String, String> form) {
      Response response =
          request()
              .header("Origin", stack.baseUrl())
              .contentType("application/x-www-form-urlencoded")
              .formParams(form)
              .post(path);
      remember(response);
      return response;
    }

    Map<String, String> form(String... pairs) {
      Map<String, String> form = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        form.put(pairs[i], pairs[i + 1]);
      }
      return form;
    }

    private void remember(Response response) {
      cookies.putAll(response.getCookies());
    }

    Browser signedInAs(String subject, String role) {
      get("/console/login");
      post("/console/login", form("token", stack.jwt.token(subject, role)))
          .then()
          .statusCode(303)
          .header("Location", endsWith("/console/sagas"));
      assertTrue(cookies.containsKey(SESSION), "signed in: " + cookies);
      return this;
    }
  }

  @Test
  void firstVisitShowsTheSignInPageWithoutAnError() {
    Browser browser = new Browser();
    browser.get("/console").then().statusCode(303).header("Location", endsWith("/console/sagas"));
    browser
        .get("/console/sagas")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/console/login"));
    browser
        .get("/console/login")
        .then()
        .statusCode(200)
        .body(containsString("id=\"token\""))
        .body(not(containsString("login-error")));
  }

  @Test
  void anExpiredSignInLeadsToTheSignInPageWithItsFixedMessage() {
    Browser browser = new Browser();
    browser.cookies.put(
        SESSION, stack.jwt.sign("olga", TestJwt.ISSUER, Duration.ofMinutes(-10), TestJwt.OPERATOR));
    browser
        .get("/console/sagas")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/console/login?reason=expired"));
    browser
        .get("/console/login?reason=expired")
        .then()
        .statusCode(200)
        .body(containsString("id=\"login-error\""))
        .body(containsString("has expired"));
  }

  @Test
  void theSignInPageShowsNoTextFromTheAddress() {
    String injected = "<b>Call 555-0100 for help</b>";
    new Browser()
        .get(
            "/console/login?error="
                + injected
                + "&reason="
                + injected
                + "&next="
                + injected
                + "&notice=x")
        .then()
        .statusCode(200)
        .body(not(containsString("555-0100")))
        .body(not(containsString("login-error")));
  }

  @Test
  void signInIsRefusedFromAnotherSiteOrWithoutOrigin() {
    String token = stack.jwt.token("olga", TestJwt.OPERATOR);
    RequestSpecification form =
        new Browser()
            .request()
            .contentType("application/x-www-form-urlencoded")
            .formParam("token", token);
    form.post("/console/login").then().statusCode(403);
    form.header("Origin", FOREIGN).post("/console/login").then().statusCode(403);
    new Browser()
        .request()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .header("Origin", "null")
        .post("/console/login")
        .then()
        .statusCode(403);
    new Browser().post("/console/login", Map.of("token", token)).then().statusCode(303);
  }

  @Test
  void operatorActionsAndSignOutAreRefusedFromAnotherSite() {
    Browser browser = new Browser().signedInAs("olga", TestJwt.OPERATOR);
    String retry = "/console/sagas/" + UUID.randomUUID() + "/retry";
    browser
        .request()
        .contentType("application/x-www-form-urlencoded")
        .post(retry)
        .then()
        .statusCode(403);
    browser
        .request()
        .header("Origin", FOREIGN)
        .contentType("application/x-www-form-urlencoded")
        .post(retry)
        .then()
        .statusCode(403);
    browser
        .request()
        .header("Referer", FOREIGN + "/page")
        .contentType("application/x-www-form-urlencoded")
        .post(retry)
        .then()
        .statusCode(403);
    browser
        .request()
        .header("Origin", stack.baseUrl())
        .contentType("text/plain")
        .body("x")
        .post(retry)
        .then()
        .statusCode(415);
    browser
        .request()
        .header("Referer", stack.baseUrl() + "/console/sagas")
        .contentType("application/x-www-form-urlencoded")
        .post(retry)
        .then()
        .statusCode(303);
    browser
        .post(retry, browser.form())
        .then()
        .statusCode(303)
        .header("Location", containsString("notice="));
    browser
        .request()
        .header("Origin", FOREIGN)
        .contentType("application/x-www-form-urlencoded")
        .post("/console/logout")
        .then()
        .statusCode(403);
    browser.post("/console/logout", browser.form()).then().statusCode(303);
  }

  @Test
  void apiCallsWithBearerTokensNeedNoOrigin() {
    String operator = stack.jwt.token("otto", TestJwt.OPERATOR);
    stack
        .anonymous()
        .auth()
        .oauth2(operator)
        .post("/api/v1/sagas/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(404);
    stack
        .anonymous()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body("{\"status\":\"DEPLOYED\"}")
        .patch("/api/v1/agent-deployment-tasks/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void everyConsoleResponseCarriesTheSecurityHeaders() {
    Events.Event event = Events.newClient("console-headers");
    stack.publish(event);
    String sagaId = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");
    Browser operator = new Browser().signedInAs("olga", TestJwt.OPERATOR);
    Browser viewer = new Browser().signedInAs("vera", TestJwt.VIEWER);
    Browser stranger = new Browser();

    Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
    pages.put("home", () -> stranger.get("/console"));
    pages.put("sign-in page", () -> stranger.get("/console/login"));
    pages.put("sign-in page, expired", () -> stranger.get("/console/login?reason=expired"));
    pages.put("list without sign-in", () -> stranger.get("/console/sagas"));
    pages.put(
        "refused sign-in",
        () -> stranger.post("/console/login", stranger.form("token", "not-a-token")));
    pages.put("saga list", () -> operator.get("/console/sagas"));
    pages.put("saga view", () -> operator.get("/console/sagas/" + sagaId));
    pages.put("unknown saga", () -> operator.get("/console/sagas/" + UUID.randomUUID()));
    pages.put("audit", () -> operator.get("/console/audit"));
    pages.put("tag jobs", () -> operator.get("/console/tag-jobs"));
    pages.put("unknown tag job", () -> operator.get("/console/tag-jobs/" + UUID.randomUUID()));
    pages.put("no such page (404)", () -> operator.get("/console/no-such-page"));
    pages.put("dead letters", () -> operator.get("/console/dead-letters"));
    pages.put("unknown dead letter", () -> operator.get("/console/dead-letters/99-0"));
    pages.put(
        "viewer replays a dead letter (403)",
        () -> viewer.post("/console/dead-letters/0-0/replay", viewer.form()));
    pages.put(
        "replay from another site (403)",
        () ->
            operator
                .request()
                .header("Origin", FOREIGN)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/dead-letters/0-0/replay"));
    pages.put(
        "viewer retries (403)",
        () -> {
          viewer.get("/console/sagas/" + sagaId);
          return viewer.post("/console/sagas/" + sagaId + "/retry", viewer.form());
        });
    pages.put(
        "form from another site (403)",
        () ->
            operator
                .request()
                .header("Origin", FOREIGN)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/sagas/" + sagaId + "/compensate"));

    Map<String, Integer> statuses = new LinkedHashMap<>();
    pages.forEach(
        (name, page) -> {
          Response response = page.get();
          statuses.put(name, response.statusCode());
          response
              .then()
              .header("Cache-Control", equalTo("no-store"))
              .header("X-Frame-Options", equalTo("DENY"))
              .header("X-Content-Type-Options", equalTo("nosniff"))
              .header("Referrer-Policy", equalTo("same-origin"))
              .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
              .header("Content-Security-Policy", containsString("default-src 'self'"));
        });
    assertEquals(404, statuses.get("no such page (404)"), statuses.toString());
    assertEquals(403, statuses.get("viewer retries (403)"), statuses.toString());
    assertEquals(403, statuses.get("form from another site (403)"), statuses.toString());
    assertEquals(200, statuses.get("saga view"), statuses.toString());
    assertEquals(200, statuses.get("audit"), statuses.toString());
    assertEquals(200, statuses.get("dead letters"), statuses.toString());
    assertEquals(403, statuses.get("viewer replays a dead letter (403)"), statuses.toString());
    assertEquals(403, statuses.get("replay from another site (403)"), statuses.toString());
  }
}
