package org.msp.onboarding.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** The saga's JSON columns: the request as accepted, and the steps' working data. */
@ApplicationScoped
public class SagaJson {
  private final ObjectMapper mapper;

  /** The saga row's own columns leave out null properties: a smaller row to rewrite per step. */
  private final ObjectMapper compact;

  public SagaJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.compact =
        mapper
            .copy()
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
  }

  /** A saga column (data, steps): null properties left out, null map values kept. */
  String writeCompact(Object value) {
    try {
      return compact.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write saga JSON", e);
    }
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write saga JSON", e);
    }
  }

  <T> T read(String text, Class<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored saga JSON is unreadable", e);
    }
  }

  <T> T read(String text, TypeReference<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored saga JSON is unreadable", e);
    }
  }
}
