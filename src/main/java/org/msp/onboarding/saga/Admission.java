package org.msp.onboarding.saga;

import java.util.List;
import java.util.UUID;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.RequestType;

/**
 * What becomes of a client's request, from where the client stands: one client, one organization,
 * and one saga at a time. Plain rules, asked when the request arrives and again when a queued one's
 * turn comes.
 */
public final class Admission {
  private Admission() {}

  /**
   * Where a client stands.
   *
   * @param busy a saga of the client is running or rolling back, or an earlier request waits
   * @param lastCompleted its newest COMPLETED saga, or null
   */
  public record ClientStanding(boolean busy, Completed lastCompleted) {
    public static final ClientStanding NEW = new ClientStanding(false, null);

    public ClientStanding busyNow() {
      return new ClientStanding(true, lastCompleted);
    }
  }

  /** A COMPLETED saga of the client: what its organization is and which tags the service set. */
  public record Completed(
      UUID sagaId,
      String sagaType,
      Long organizationId,
      String organizationName,
      List<String> tags) {

    boolean offboarded() {
      return SagaDefinition.OFFBOARDING.type().equals(sagaType);
    }
  }

  public sealed interface Decision {}

  /** Start a saga of this type; update and offboarding act on the client's organization. */
  public record Start(
      ClientRequest request,
      String sagaType,
      Long organizationId,
      String organizationName,
      List<String> managedTags)
      implements Decision {}

  /** Wait until the client's earlier sagas and requests have ended. */
  public record Queue() implements Decision {}

  /** Refused: dead-lettered as "CODE: reason". */
  public record Refuse(String code, String reason) implements Decision {
    public String deadLetterReason() {
      return code + ": " + reason;
    }
  }

  public static Decision decide(ClientRequest request, ClientStanding standing) {
    if (standing.busy()) {
      return new Queue();
    }
    RequestType type = request.requestType();
    Completed last = standing.lastCompleted();
    if (last != null && last.offboarded()) {
      return type == RequestType.OFFBOARDING
          ? new Refuse(
              "ALREADY_OFFBOARDED",
              "client " + request.clientId() + " was offboarded by saga " + last.sagaId())
          : new Refuse(
              "CLIENT_OFFBOARDED",
              "client "
                  + request.clientId()
                  + " was offboarded by saga "
                  + last.sagaId()
                  + " (organization "
                  + last.organizationId()
                  + "); an operator re-enables its organization in NinjaOne before it is onboarded"
                  + " again");
    }
    boolean adopts = type == RequestType.ONBOARDING && request.organization().adopts();
    if (adopts
        && last != null
        && !request.organization().ninjaOneOrganizationId().equals(last.organizationId())) {
      return new Refuse(
          "CLIENT_HAS_ORGANIZATION",
          "client "
              + request.clientId()
              + " already has organization "
              + last.organizationId()
              + " (saga "
              + last.sagaId()
              + "); it cannot adopt organization "
              + request.organization().ninjaOneOrganizationId()
              + " as well");
    }
    if (last == null || last.organizationId() == null) {
      if (type == RequestType.ONBOARDING) {
        return new Start(
            request, SagaDefinition.ONBOARDING.type(), null, request.organizationName(), null);
      }
      return new Refuse(
          "NOT_ONBOARDED",
          "client "
              + request.clientId()
              + " has no completed onboarding: "
              + (type == RequestType.UPDATE ? "an update" : "an offboarding")
              + " acts on the organization an onboarding made");
    }
    if (type == RequestType.OFFBOARDING) {
      return new Start(
          request,
          SagaDefinition.OFFBOARDING.type(),
          last.organizationId(),
          last.organizationName(),
          last.tags());
    }
    // an onboarding of a client that has an organization updates that organization: never a second
    return new Start(
        request,
        SagaDefinition.UPDATE.type(),
        last.organizationId(),
        request.organizationName(),
        last.tags());
  }
}
