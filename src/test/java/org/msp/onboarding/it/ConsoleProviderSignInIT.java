package org.msp.onboarding.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console signed in through an identity provider (authorization code flow): Quarkus' OIDC test
 * server (WireMock, in this JVM) plays the provider, and a second instance of the service, beside
 * the shared one, is configured for it exactly as the README says. The shared instance has no
 * provider and must behave as before.
 */
class ConsoleProviderSignInIT extends StackTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Where the provider's login page sends the browser back; the client registered with it. */
  private static final String CLIENT_ID = "onboarding-console";

  private static OidcWiremockTestResource provider;
  private static String providerUrl;
  private static ServiceProcess service;

  @BeforeAll
  static void startProviderAndService() {
    // The test server puts these roles in the "groups" claim of every user it signs in; read once,
    // when its class is initialised.
    System.setProperty("quarkus.test.oidc.token.admin-roles", TestJwt.OPERATOR);
    provider = new OidcWiremockTestResource();
    providerUrl = provider.start().get("keycloak.url") + "/realms/quarkus";
    Map<String, String> env = new LinkedHashMap<>(TestStack.get().serviceEnv());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    env.put("QUARKUS_OIDC_TENANT_ENABLED", "true");
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", providerUrl);
    env.put("QUARKUS_OIDC_CLIENT_ID", CLIENT_ID);
    env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "secret");
    env.put(
        "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
        "it-session-key-0123456789abcdef0123");
    Path workDir = Path.of(System.getProperty("it.work.dir", "target/it")).resolve("provider");
    service = ServiceProcess.start("provider-sign-in", workDir, env);
    service.awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopProviderAndService() {
    if (service != null) {
      service.close();
    }
    if (provider != null) {
      provider.stop();
    }
  }

  private static RequestSpecification toService() {
    return RestAssured.given().baseUri(service.baseUrl()).redirects().follow(false);
  }

  @Test
  @RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
  void operatorSignsInOnTheProvidersLoginPageAndGetsTheOperatorsButtons() {
    Events.Event event = Events.newClient("provider-sign-in");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");

    try (ConsoleBrowser browser = ConsoleBrowser.open(service.baseUrl())) {
      browser.go("/console/sagas");
      browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/login"));
      browser.find("#sign-in-provider").click();
      browser.waiting(WAIT).until(ExpectedConditions.urlContains(providerUrl));
      browser.screenshot("11-provider-login-page");
      browser.find("#username").sendKeys("alice");
      browser.find("#password").sendKeys("alice-password");
      browser.find("#login").click();

      browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/sagas"));
      assertEquals("alice", browser.find("#user-name").getText());
      assertEquals(TestJwt.OPERATOR, browser.find("#user-role").getText());
      browser.go("/console/sagas/" + id);
      assertEquals("COMPLETED", browser.find("#saga-status").getText());
      assertTrue(browser.present("#compensate"), "the provider's groups claim made alice operator");
      browser.screenshot("12-saga-view-after-provider-sign-in");
      List<Cookie> session = providerSession(browser);
      assertFalse(session.isEmpty(), "the provider's session is a cookie");
      assertTrue(
          session.stream().allMatch(c -> c.getPath().equals("/console") && c.isHttpOnly()),
          "the session is HttpOnly and never sent to the API: " + session);

      browser.find("#sign-out").click();
      browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/login"));
      assertEquals(
          List.of(),
          providerSession(browser),
          "signing out ends the provider's session in the console");
      browser.go("/console/sagas");
      browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/login"));
    }
  }

  private static List<Cookie> providerSession(ConsoleBrowser browser) {
    return browser.driver.manage().getCookies().stream()
        .filter(c -> c.getName().startsWith("q_session"))
        .toList();
  }

  @Test
  void theProvidersSignInStartsWithARedirectToItsLoginPageForThisClient() {
    toService()
        .get("/console/sso")
        .then()
        .statusCode(302)
        .header("Location", startsWith(providerUrl))
        .header("Location", containsString("client_id=" + CLIENT_ID))
        .header("Location", containsString("response_type=code"));
    toService()
        .get("/console/login")
        .then()
        .statusCode(200)
        .body(containsString("id=\"sign-in-provider\""))
        .body(containsString("id=\"token\""));
  }

  @Test
  void theApiStaysBearerOnlyAndPastingATokenStillSignsIn() {
    toService()
        .get("/api/v1/sagas")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer");
    toService()
        .auth()
        .oauth2(stack.jwt.token("it-viewer", TestJwt.VIEWER))
        .get("/api/v1/sagas")
        .then()
        .statusCode(200);
    toService()
        .header("Origin", service.baseUrl())
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", stack.jwt.token("olga", TestJwt.OPERATOR))
        .post("/console/login")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/console/sagas"))
        .header("Set-Cookie", containsString("onboarding_console="));
  }

  @Test
  void withoutAProviderTheConsoleOffersOnlyThePastedToken() {
    stack
        .anonymous()
        .redirects()
        .follow(false)
        .get("/console/sso")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/console/login"));
    stack
        .anonymous()
        .get("/console/login")
        .then()
        .statusCode(200)
        .body(containsString("id=\"token\""))
        .body(not(containsString("sign-in-provider")));
  }
}
