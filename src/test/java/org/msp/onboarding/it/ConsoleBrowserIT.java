package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The ops console in a real (headless) Chromium against the packaged service: sign-in, the saga
 * list with its filters, a saga's timeline, retry as an operator, no buttons for a viewer, the
 * audit and a tag job. Screenshots land in target/screenshots. Skipped where Chromium or
 * chromedriver is missing (a failure with -Dtools.required=true).
 */
@RequiresTool({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class ConsoleBrowserIT extends StackTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static ConsoleBrowser browser;

  @BeforeAll
  static void openBrowser() {
    browser = ConsoleBrowser.open(TestStack.get().baseUrl());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void signInAs(String subject, String role) {
    browser.signIn(stack.jwt.token(subject, role));
    browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/sagas"));
  }

  @Test
  void pagesWithoutSignInLeadToTheSignInPageWhichRefusesABadToken() {
    browser.driver.manage().deleteAllCookies();
    browser.go("/console/sagas");
    browser.waiting(WAIT).until(ExpectedConditions.urlContains("/console/login"));
    browser.find("#token").sendKeys("not-a-token");
    browser.find("#sign-in").click();
    // The form posts and the page reloads: look the message up afresh until it shows (else the wait
    // fails).
    assertTrue(
        browser
            .waiting(WAIT)
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#login-error"), "not accepted")));
    browser.screenshot("01-sign-in-refused");
  }

  @Test
  void operatorSeesNewSagasFiltersThemAndOpensOneWithItsTimeline() {
    Events.Event first = Events.newClient("console-a");
    Events.Event second = Events.newClient("console-b");
    stack.publish(first);
    api.awaitSagaId(
        first.clientId()); // accepted before the second is sent: different partitions have no order
    stack.publish(second);
    api.awaitStatus(first.clientId(), "COMPLETED");
    long orgId = api.awaitStatus(second.clientId(), "COMPLETED").getLong("organizationId");

    signInAs("olga", TestJwt.OPERATOR);
    assertEquals(TestJwt.OPERATOR, browser.find("#user-role").getText());
    List<String> clients =
        browser.all("tr.saga-row").stream().map(r -> r.getAttribute("data-client-id")).toList();
    assertTrue(
        clients.indexOf(second.clientId()) >= 0
            && clients.indexOf(second.clientId()) < clients.indexOf(first.clientId()),
        "both sagas listed, newest first: " + clients);
    assertTrue(Long.parseLong(browser.find(".count[data-status=COMPLETED] b").getText()) >= 2);
    browser.screenshot("02-saga-list");

    browser.find("#filter-name").sendKeys(second.organizationName().substring(4).toUpperCase());
    browser.find("#apply-filters").click();
    browser.waiting(WAIT).until(ExpectedConditions.urlContains("organizationName="));
    assertEquals(List.of(second.clientId()), clientsShown());
    new Select(browser.find("#filter-status")).selectByValue("FAILED");
    browser.find("#apply-filters").click();
    browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("no-sagas")));

    browser.go("/console/sagas?clientId=" + second.clientId());
    browser.find("a.saga-link").click();
    browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertEquals(
        List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SKIPPED"),
        browser.all("#timeline li.step").stream().map(s -> s.getAttribute("data-status")).toList());
    assertEquals(
        ninjaOne.baseUrl() + "/#/customerDashboard/" + orgId + "/overview",
        browser.find("#org-link").getAttribute("href"));
    assertEquals(2, browser.all("#tasks a.installer-link").size());
    assertTrue(browser.present("#compensate"), "an operator may roll back a completed saga");
    assertFalse(browser.present("#retry"), "a completed saga has nothing to retry");
    browser.screenshot("03-saga-view-completed");
  }

  @Test
  void operatorRetriesAFailedSagaAfterConfirming() {
    // a conflict on step 4, then its rollback refused too: the saga is FAILED and needs an operator
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 2, 409);
    Events.Event event = Events.newClient("console-failed");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "FAILED").getString("id");

    signInAs("olga", TestJwt.OPERATOR);
    browser.go("/console/sagas/" + id);
    assertEquals("FAILED", browser.find("#saga-status").getText());
    WebElement step4 = browser.find("#timeline li[data-step=SET_CUSTOM_FIELDS]");
    assertTrue(
        step4.getText().contains("HTTP 409"), "NinjaOne's answer is shown: " + step4.getText());
    browser.screenshot("05-saga-view-failed");

    browser.find("#retry").click();
    browser.driver.switchTo().alert().dismiss();
    assertEquals(
        "FAILED", api.saga(id).getString("status"), "nothing is sent without confirmation");

    browser.find("#retry").click();
    browser.driver.switchTo().alert().accept();
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("notice"), "Retry requested."));
    api.awaitStatus(event.clientId(), "COMPENSATED");
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("saga-status"), "COMPENSATED"));
    assertTrue(
        browser
            .find("#cleanup-task")
            .getText()
            .contains(Long.toString(api.saga(id).getLong("organizationId"))));
    browser.screenshot("06-saga-view-after-retry");

    // the cause is gone (the simulator's failures were used up): run the request again
    browser.find("#rerun").click();
    browser.driver.switchTo().alert().accept();
    browser
        .waiting(WAIT)
        .until(
            ExpectedConditions.textToBe(
                By.id("notice"), "A new saga runs the request of saga " + id + "."));
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("saga-status"), "COMPLETED"));
    assertEquals(2, api.sagasOf(event.clientId()).size(), "the rolled-back saga stays");
  }

  @Test
  void operatorSeesTheNextRetryTimeOfAWaitingStepAndRunsItNow() {
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 600);
    Events.Event event = Events.newClient("console-waiting");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    api.awaitStepStatus(id, "MAP_POLICIES", "WAITING_RETRY");

    signInAs("olga", TestJwt.OPERATOR);
    browser.go("/console/sagas/" + id);
    WebElement step3 = browser.find("#timeline li[data-step=MAP_POLICIES]");
    assertTrue(
        step3.findElement(By.cssSelector(".next")).getText().startsWith("next retry at "),
        step3.getText());
    assertTrue(
        step3.getText().contains("HTTP 429"),
        "NinjaOne's throttle answer is shown: " + step3.getText());
    browser.screenshot("04-saga-view-waiting-retry");

    browser.find("#retry").click();
    browser.driver.switchTo().alert().accept();
    api.awaitStatus(event.clientId(), "COMPLETED", Duration.ofSeconds(20));
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("saga-status"), "COMPLETED"));
  }

  @Test
  void consolePagesAnswerBrowsersNotProblemJsonAndKeepActionsForOperators() {
    Events.Event event = Events.newClient("console-http");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");
    String viewerCookie = stack.jwt.token("vera", TestJwt.VIEWER);

    stack
        .anonymous()
        .redirects()
        .follow(false)
        .get("/console/sagas")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.containsString("/console/login"));
    stack
        .anonymous()
        .cookie("onboarding_console", viewerCookie)
        .header("Origin", stack.baseUrl())
        .redirects()
        .follow(false)
        .post("/console/sagas/" + id + "/compensate")
        .then()
        .statusCode(403)
        .contentType("text/html");
    stack
        .anonymous()
        .cookie("onboarding_console", "expired.or.forged")
        .redirects()
        .follow(false)
        .get("/console/sagas")
        .then()
        .statusCode(303);
    String setCookie =
        stack
            .anonymous()
            .header("Origin", stack.baseUrl())
            .redirects()
            .follow(false)
            .contentType("application/x-www-form-urlencoded")
            .formParam("token", stack.jwt.token("olga", TestJwt.OPERATOR))
            .post("/console/login")
            .then()
            .statusCode(303)
            .extract()
            .header("Set-Cookie");
    assertTrue(
        setCookie.contains("HttpOnly")
            && setCookie.contains("SameSite=Strict")
            && setCookie.contains("Path=/console"),
        setCookie);
    assertEquals(
        "COMPLETED", api.saga(id).getString("status"), "the viewer's POST changed nothing");
    String openApi =
        stack.anonymous().get("/q/openapi").then().statusCode(200).extract().asString();
    assertTrue(
        openApi.contains("/api/v1/tag-jobs") && openApi.contains("/api/v1/audit/organizations"));
    assertFalse(
        openApi.contains("/console"), "the console's pages are not part of the API document");
  }

  @Test
  void viewerSeesSagasButNoActionButtons() {
    Events.Event event = Events.newClient("console-viewer");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");

    signInAs("vera", TestJwt.VIEWER);
    assertEquals(TestJwt.VIEWER, browser.find("#user-role").getText());
    browser.go("/console/sagas/" + id);
    assertEquals("COMPLETED", browser.find("#saga-status").getText());
    assertFalse(browser.present("#actions"));
    assertFalse(browser.present("#retry") || browser.present("#compensate"));
    browser.go("/console/tag-jobs");
    assertFalse(browser.present("#tag-job-form"), "only operators get the tag job form");
    browser.go("/console/sagas/" + id);
    browser.screenshot("07-saga-view-viewer");
  }

  @Test
  void auditAndATagJobRunFromTheConsole() {
    String prefix = "Console tag " + UUID.randomUUID().toString().substring(0, 6) + " ";
    ninjaOne.seedOrganizations(5, prefix);

    signInAs("olga", TestJwt.OPERATOR);
    browser.go("/console/audit");
    int organizations = Integer.parseInt(browser.find("#total-organizations").getText());
    assertEquals(ninjaOne.organizations().size(), organizations);
    assertTrue(browser.find("#audit-cost").getText().contains("NinjaOne calls"));
    browser.screenshot("08-audit");

    browser.go("/console/tag-jobs");
    browser.find("#job-name-prefix").sendKeys(prefix);
    browser.find("#job-add").sendKeys("console-tagged, gold");
    browser.screenshot("09-tag-jobs-form");
    browser.find("#start-tag-job").click();
    browser.driver.switchTo().alert().accept();
    browser.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("job-status"), "COMPLETED"));
    assertEquals(5, browser.all("tr.target-row[data-status=VERIFIED]").size());
    browser.screenshot("10-tag-job-completed");
  }

  @Test
  void operatorReplaysADeadLetterWithACorrectedBodyAndAViewerGetsNoReplayButton() {
    Events.Event event = Events.newClient("console-dead");
    String name = event.organizationName();
    event.organization().remove("name");
    stack.publish(event);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !stack
                    .request()
                    .queryParam("clientId", event.clientId())
                    .get("/api/v1/dead-letters")
                    .jsonPath()
                    .getList("deadLetters")
                    .isEmpty());

    signInAs("olga", TestJwt.OPERATOR);
    browser.find("#nav-dead-letters").click();
    browser.find("#filter-client").sendKeys(event.clientId());
    browser.find("#apply-filters").click();
    browser.waiting(WAIT).until(ExpectedConditions.urlContains("clientId="));
    WebElement row = browser.find("tr.dead-letter-row");
    assertEquals("INVALID_REQUEST", row.getAttribute("data-reason-code"));
    browser.screenshot("11-dead-letters");

    browser.find("a.dead-letter-link").click();
    browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("replay-form")));
    String letterPage = browser.path();
    browser.find("#replay-corrected").click(); // the body as it was: still without a name
    browser.driver.switchTo().alert().accept();
    browser
        .waiting(WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("notice"), "would be dead-lettered again"));
    assertTrue(browser.present("#no-replays"), "nothing was replayed");

    event.organization().put("name", name);
    browser.driver.executeScript(
        "arguments[0].value = arguments[1]",
        browser.find("#corrected-body"),
        event.json().toString());
    browser.find("#replay-corrected").click();
    browser.driver.switchTo().alert().accept();
    browser
        .waiting(WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("notice"), "Replayed to client-onboarding-requests"));
    assertEquals("olga", browser.find("#replays .replayed-by").getText());
    browser.screenshot("12-dead-letter-replayed");
    assertEquals(
        name, api.awaitStatus(event.clientId(), "COMPLETED").getString("organizationName"));

    browser.go("/console/dead-letters?clientId=" + event.clientId());
    assertTrue(
        browser.find("tr.dead-letter-row .replayed").getText().startsWith("replayed by olga at "),
        browser.find("tr.dead-letter-row .replayed").getText());
    browser.screenshot("13-dead-letters-replayed");

    signInAs("vera", TestJwt.VIEWER);
    browser.go(letterPage);
    assertEquals("olga", browser.find("#replays .replayed-by").getText());
    assertFalse(browser.present("#replay-as-is"), "a viewer gets no replay button");
    assertFalse(browser.present("#replay-form"), "nor the corrected-body form");
  }

  private List<String> clientsShown() {
    return browser.all("tr.saga-row").stream().map(r -> r.getAttribute("data-client-id")).toList();
  }

  @Test
  void operatorApprovesADeviceWaitingAtAnOpenTasksLocationFromTheSagaPage() {
    Events.Event event = Events.newClient("console-device");
    event.organization().put("nodeApprovalMode", "MANUAL");
    stack.publish(event);
    io.restassured.path.json.JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    long organizationId = saga.getLong("organizationId");
    long deviceId =
        ninjaOne
            .enrolDevice(organizationId, saga.getLong("locationIds.Headquarters"), "WINDOWS_SERVER")
            .id();
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                !stack
                    .request()
                    .queryParam("organizationId", organizationId)
                    .get("/api/v1/pending-devices")
                    .jsonPath()
                    .getList("devices")
                    .isEmpty());

    signInAs("olga", TestJwt.OPERATOR);
    browser.go("/console/sagas/" + saga.getString("id"));
    WebElement row = browser.find("#pending-devices tr[data-device='" + deviceId + "']");
    assertTrue(row.getText().contains("Headquarters"), row.getText());
    browser.screenshot("11-saga-view-device-waiting");
    row.findElement(By.cssSelector(".approve-device")).click();
    browser.driver.switchTo().alert().accept();
    browser
        .waiting(WAIT)
        .until(
            ExpectedConditions.textToBe(
                By.id("notice"), "Device " + deviceId + " approved in NinjaOne."));
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                api.deploymentTasks(organizationId).stream()
                    .anyMatch(
                        t ->
                            "Headquarters".equals(t.get("locationName"))
                                && "DEPLOYED".equals(t.get("status"))));
    browser.screenshot("12-saga-view-device-approved");
  }
}
