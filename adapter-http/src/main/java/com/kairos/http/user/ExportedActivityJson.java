package com.kairos.http.user;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kairos.domain.negotiation.Activity;
import com.kairos.http.negotiation.ActivityJson;

/**
 * A history line in the account export: the activity entry of {@code GET
 * /negotiations/{id}/activity}, preceded by its negotiation's id. No blob.
 */
record ExportedActivityJson(String negotiationId, @JsonUnwrapped ActivityJson entry) {

  static ExportedActivityJson of(Activity a) {
    return new ExportedActivityJson(a.negotiationId().toString(), ActivityJson.of(a));
  }
}
