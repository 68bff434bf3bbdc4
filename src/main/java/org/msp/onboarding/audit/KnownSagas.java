package org.msp.onboarding.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.OnboardingRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

/** Which organizations sagas know, and, for COMPLETED ones, what they requested (from saga.request). */
@ApplicationScoped
public class KnownSagas {

  /** The newest saga of one organization; {@code requested} is set only when it COMPLETED. */
  public record KnownSaga(
      UUID sagaId, String clientId, SagaStatus status, long organizationId, OrganizationRequest requested) {}

  private final EntityManager em;
  private final ObjectMapper json;

  public KnownSagas(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** Organization id to its newest saga. The request JSON is loaded only for COMPLETED sagas. */
  @Transactional
  public Map<Long, KnownSaga> byOrganization() {
    Map<UUID, String> completedRequests = new HashMap<>();
    em.createQuery("select s.id, s.request from SagaEntity s where s.status = :completed", Object[].class)
        .setParameter("completed", SagaStatus.COMPLETED)
        .getResultList()
        .forEach(row -> completedRequests.put((UUID) row[0], (String) row[1]));
    Map<Long, KnownSaga> known = new HashMap<>();
    em.createQuery(
            "select s.id, s.clientId, s.status, s.organizationId from SagaEntity s"
                + " where s.organizationId is not null order by s.seq",
            Object[].class)
        .getResultList()
        .forEach(row -> {
          UUID id = (UUID) row[0];
          String request = completedRequests.get(id);
          OrganizationRequest requested = request == null ? null : parse(request).organization();
          long orgId = (Long) row[3];
          known.put(orgId, new KnownSaga(id, (String) row[1], (SagaStatus) row[2], orgId, requested));
        });
    return known;
  }

  private OnboardingRequest parse(String request) {
    try {
      return json.readValue(request, OnboardingRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored saga request is unreadable", e);
    }
  }
}
