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
  /**
   * SmallRye OpenAPI's wording for the 401 and 403 it adds to a {@code @RolesAllowed} call, and
   * ours.
   */
  private static final Map<String, String> OUR_WORDING =
      Map.of("Not Authorized", "no valid bearer token", "Not Allowed", "the token lacks the role");

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
    if (response.getDescription() != null && OUR_WORDING.containsKey(response.getDescription())) {
      response.setDescription(OUR_WORDING.get(response.getDescription()));
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
