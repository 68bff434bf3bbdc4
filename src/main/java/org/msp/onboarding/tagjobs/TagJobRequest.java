package org.msp.onboarding.tagjobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of POST /api/v1/tag-jobs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagJobRequest(TagFilter filter, List<String> addTags, List<String> removeTags) {

  public List<String> addOrEmpty() {
    return addTags == null ? List.of() : addTags;
  }

  public List<String> removeOrEmpty() {
    return removeTags == null ? List.of() : removeTags;
  }
}
