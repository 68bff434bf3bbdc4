package org.msp.onboarding.tagjobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tag job's JSON columns: the filter and tag lists. */
@ApplicationScoped
public class TagJobJson {
  private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public TagJobJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write tag job JSON", e);
    }
  }

  List<String> tags(String json) {
    return json == null ? null : read(json, TAGS);
  }

  TagFilter filter(String json) {
    return read(json, new TypeReference<TagFilter>() {});
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored tag job JSON is unreadable", e);
    }
  }
}
