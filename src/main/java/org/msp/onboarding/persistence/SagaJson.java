package org.msp.onboarding.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
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
    return write(compact, value);
  }

  public String write(Object value) {
    return write(mapper, value);
  }

  <T> T read(String text, Class<T> type) {
    return read(text, mapper.constructType(type));
  }

  <T> T read(String text, TypeReference<T> type) {
    return read(text, mapper.constructType(type));
  }

  private static String write(ObjectMapper writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write saga JSON", e);
    }
  }

  private <T> T read(String text, JavaType type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored saga JSON is unreadable", e);
    }
  }
}
