package com.kairos.application.port;

import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Activity;
import java.util.List;

/** Outbound port: the history lines negotiations recorded, read back. */
public interface NegotiationHistory {

  /** The history of one negotiation, oldest first. */
  List<Activity> history(NegotiationId id);

  /**
   * Up to {@code limit} history lines of one negotiation with a version above {@code afterVersion},
   * oldest first.
   */
  List<Activity> activity(NegotiationId id, long afterVersion, int limit);

  /**
   * Up to {@code limit} history lines {@code actor} wrote, in any negotiation, ordered by
   * negotiation id (unsigned, as PostgreSQL orders uuids) then version, strictly after {@code
   * after} (from the first when null). For the export.
   */
  List<Activity> authoredBy(UserId actor, ActivityPosition after, int limit);
}
