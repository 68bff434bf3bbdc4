package org.msp.onboarding.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

/**
 * Which organizations sagas know, and, for COMPLETED ones, what they requested (from saga.request
 * and data).
 */
@ApplicationScoped
public class KnownSagas {

  /**
   * The newest saga of one organization; {@code requested} and {@code locationIds} (name to the
   * NinjaOne id the saga recorded) are set only when it COMPLETED.
   */
  public record KnownSaga(
      UUID sagaId,
      String clientId,
      SagaStatus status,
      long organizationId,
      OrganizationRequest requested,
      Map<String, Long> locationIds) {}

  private final EntityManager em;
  private final ObjectMapper json;

  public KnownSagas(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /**
   * The newest saga of each of these organizations (one page of the listing), with what COMPLETED
   * ones set.
   */
  @Transactional
  public Map<Long, KnownSaga> ofOrganizations(Collection<Long> organizationIds) {
    Map<Long, KnownSaga> known = new HashMap<>();
    if (organizationIds.isEmpty()) {
      return known;
    }
    em.createQuery(
            "select s.id, s.clientId, s.status, s.organizationId,"
                + " case when s.status = :completed then s.request else null end,"
                + " case when s.status = :completed then s.data else null end"
                + " from SagaEntity s where s.organizationId in :ids order by s.seq",
            Object[].class)
        .setParameter("completed", SagaStatus.COMPLETED)
        .setParameter("ids", organizationIds)
        .getResultList()
        .forEach(
            row -> {
              long orgId = (Long) row[3];
              OrganizationRequest requested =
                  row[4] == null ? null : request((String) row[4]).organization();
              Map<String, Long> locationIds =
                  row[5] == null ? Map.of() : locationIds((String) row[5]);
              KnownSaga saga =
                  new KnownSaga(
                      (UUID) row[0],
                      (String) row[1],
                      (SagaStatus) row[2],
                      orgId,
                      requested,
                      locationIds);
              // the newest COMPLETED saga (an onboarding or the update after it) says what the
              // organization should be; a later one that did not complete changes nothing
              known.merge(
                  orgId,
                  saga,
                  (earlier, later) ->
                      earlier.status() == SagaStatus.COMPLETED
                              && later.status() != SagaStatus.COMPLETED
                          ? earlier
                          : later);
            });
    return known;
  }

  /**
   * Every organization id a saga holds, with its newest saga (no request: for the "missing in
   * NinjaOne" list).
   */
  @Transactional
  public Map<Long, KnownSaga> all() {
    Map<Long, KnownSaga> known = new LinkedHashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "select s.id, s.clientId, s.status, s.organizationId from SagaEntity s"
                    + " where s.organizationId is not null order by s.seq",
                Object[].class)
            .getResultList();
    rows.forEach(
        row ->
            known.put(
                (Long) row[3],
                new KnownSaga(
                    (UUID) row[0],
                    (String) row[1],
                    (SagaStatus) row[2],
                    (Long) row[3],
                    null,
                    Map.of())));
    return known;
  }

  private ClientRequest request(String request) {
    try {
      return json.readValue(request, ClientRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored saga request is unreadable", e);
    }
  }

  private Map<String, Long> locationIds(String data) {
    try {
      JsonNode ids = json.readTree(data).path("locationIds");
      Map<String, Long> map = new HashMap<>();
      ids.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored saga's data is unreadable", e);
    }
  }
}
