package org.msp.onboarding.contract;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.web.ProblemException;

/**
 * Serves the event contract without a token: integrators read it before they have any role, and it
 * says nothing the topics do not show.
 */
@Path(ContractResource.PATH)
@Tag(name = "Event contract")
@PermitAll
public class ContractResource {
  public static final String PATH = "/api/v1/schemas";

  /** The index: where the AsyncAPI document and each schema are. */
  public record Index(String asyncapi, List<String> schemas) {}

  // no security requirement: overrides the ops API's document-wide bearer requirement
  @GET
  @SecurityRequirements
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listContractDocuments",
      summary = "Where the event contract's AsyncAPI document and JSON Schemas are")
  @APIResponse(responseCode = "200", description = "where the AsyncAPI document and schemas are")
  public Index index() {
    return new Index(
        PATH + "/" + ContractDocuments.ASYNCAPI,
        ContractDocuments.SCHEMAS.stream().map(name -> PATH + "/" + name).toList());
  }

  @GET
  @SecurityRequirements
  @Path("{name}")
  @Operation(
      operationId = "getContractDocument",
      summary = "One contract document: the AsyncAPI document or a JSON Schema")
  @APIResponse(responseCode = "200", description = "the AsyncAPI document or a JSON Schema")
  @APIResponse(responseCode = "404", description = "no contract file of that name")
  public Response document(@PathParam("name") String name) {
    byte[] content =
        ContractDocuments.read(name)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no contract file of that name; GET " + PATH + " lists them"));
    return Response.ok(content, ContractDocuments.mediaType(name)).build();
  }
}
