package org.msp.onboarding.it;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;

class SecurityIT extends StackTest {

  private io.restassured.specification.RequestSpecification as(String token) {
    return stack.anonymous().auth().oauth2(token);
  }

  @Test
  void noTokenIs401ProblemWithBearerChallenge() {
    stack
        .anonymous()
        .get("/api/v1/sagas")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
    stack.anonymous().post("/api/v1/sagas/" + UUID.randomUUID() + "/retry").then().statusCode(401);
    stack.anonymous().get("/api/v1/agent-deployment-tasks").then().statusCode(401);
  }

  @Test
  void tokenThatDoesNotVerifyIs401() {
    as("not.a.jwt")
        .get("/api/v1/sagas")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    String otherIssuer =
        stack.jwt.sign("mallory", "https://evil.example", Duration.ofHours(1), TestJwt.OPERATOR);
    as(otherIssuer).get("/api/v1/sagas").then().statusCode(401);
    TestJwt stranger =
        TestJwt.create(java.nio.file.Path.of("target", "it", "stranger-" + UUID.randomUUID()));
    as(stranger.token("mallory", TestJwt.OPERATOR)).get("/api/v1/sagas").then().statusCode(401);
  }

  @Test
  void tokenForAnotherAudienceIs401Problem() {
    String otherApp =
        stack.jwt.sign(
            "mallory", TestJwt.ISSUER, "billing-portal", Duration.ofHours(1), TestJwt.OPERATOR);
    as(otherApp)
        .get("/api/v1/sagas")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    as(stack.jwt.token("otto", TestJwt.OPERATOR)).get("/api/v1/sagas").then().statusCode(200);
  }

  @Test
  void apiDescriptionIsServedOnlyWhereEnabled() {
    // The stack sets QUARKUS_SMALLRYE_OPENAPI_ENABLED=true and leaves the Swagger UI at its
    // production default.
    stack.anonymous().get("/q/openapi").then().statusCode(200);
    stack.anonymous().get("/q/swagger-ui").then().statusCode(404);
  }

  @Test
  void viewerReadsEverythingButCannotAct() {
    String viewer = stack.jwt.token("vera", TestJwt.VIEWER);
    as(viewer).get("/api/v1/sagas").then().statusCode(200);
    as(viewer).get("/api/v1/agent-deployment-tasks").then().statusCode(200);
    as(viewer).get("/api/v1/sagas/" + UUID.randomUUID()).then().statusCode(404);
    as(viewer)
        .post("/api/v1/sagas/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    as(viewer).post("/api/v1/sagas/" + UUID.randomUUID() + "/compensate").then().statusCode(403);
    as(viewer)
        .contentType("application/json")
        .body("{\"status\":\"DEPLOYED\"}")
        .patch("/api/v1/agent-deployment-tasks/" + UUID.randomUUID())
        .then()
        .statusCode(403);
  }

  @Test
  void operatorMayActAndRead() {
    String operator = stack.jwt.token("otto", TestJwt.OPERATOR);
    as(operator).get("/api/v1/sagas").then().statusCode(200);
    as(operator).post("/api/v1/sagas/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    as(operator).post("/api/v1/sagas/" + UUID.randomUUID() + "/compensate").then().statusCode(404);
  }

  @Test
  void tokenWithoutAnOpsRoleIs403() {
    String nobody = stack.jwt.token("nemo", "some-other-app");
    as(nobody).get("/api/v1/sagas").then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    stack.anonymous().get("/q/health/live").then().statusCode(200);
    stack.anonymous().get("/q/health/ready").then().statusCode(200);
    stack.anonymous().get("/q/metrics").then().statusCode(200);
  }
}
