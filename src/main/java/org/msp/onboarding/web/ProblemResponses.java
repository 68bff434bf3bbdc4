package org.msp.onboarding.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error an API operation declares is answered as problem+json ({@link ProblemMappers}): the
 * OpenAPI document says so here, once, so that an operation's annotations name only its codes and
 * what they mean. The 401 and 403 that SmallRye OpenAPI adds to a role-protected operation get the
 * API's own wording.
 */
public class ProblemResponses implements OASFilter {
  static final String UNAUTHORIZED = "no valid bearer token";
  static final String FORBIDDEN = "the token lacks the role";

  /** SmallRye OpenAPI's wording for the 401 and 403 it adds to a {@code @RolesAllowed} call. */
  private static final Map<String, String> GENERIC =
      Map.of("401", "Not Authorized", "403", "Not Allowed");

  private static final Map<String, String> OURS = Map.of("401", UNAUTHORIZED, "403", FORBIDDEN);

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return operation;
    }
    operation.getResponses().getAPIResponses().forEach(ProblemResponses::asProblem);
    return operation;
  }

  private static void asProblem(String code, APIResponse response) {
    if (!code.startsWith("4") && !code.startsWith("5")) {
      return;
    }
    if (GENERIC.get(code) != null && GENERIC.get(code).equals(response.getDescription())) {
      response.setDescription(OURS.get(code));
    }
    boolean noContent =
        response.getContent() == null
            || response.getContent().getMediaTypes() == null
            || response.getContent().getMediaTypes().isEmpty();
    if (noContent) {
      response.setContent(
          OASFactory.createContent()
              .addMediaType(
                  Problem.MEDIA_TYPE,
                  OASFactory.createMediaType()
                      .schema(OASFactory.createSchema().ref(Problem.class.getSimpleName()))));
    }
  }
}
