package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.Uuids;
import java.util.Objects;

/**
 * A reply request: the reply itself plus its envelope. {@code replyId}, {@code expectedVersion},
 * {@code encryptedPayload} (the replier's own blob) and {@code agentMode} may be null.
 */
public record ReplyCommand(
    NegotiationId negotiationId,
    Reply reply,
    ReplyId replyId,
    Long expectedVersion,
    EncryptedBlob encryptedPayload,
    AgentMode agentMode) {

  public ReplyCommand {
    Objects.requireNonNull(negotiationId, "negotiationId");
    Objects.requireNonNull(reply, "action");
    if (replyId != null) {
      Uuids.requireV4(replyId.value(), "replyId");
    }
  }
}
