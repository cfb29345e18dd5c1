package com.kairos.application.testing;

import com.kairos.application.UseCases;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.testing.StartRequest;

/** Base of use-case tests: a fresh in-memory backend per test and terse helpers. */
public abstract class UseCaseTest {
  protected final InMemoryBackend backend = new InMemoryBackend();
  protected final UseCases uc = backend.useCases;

  protected Negotiation begin(UserId owner, StartRequest request) {
    return uc.startNegotiation().start(owner, request.build()).negotiation();
  }

  protected Negotiation begin(UserId owner, StartCommand command) {
    return uc.startNegotiation().start(owner, command).negotiation();
  }

  protected Negotiation accept(UserId who, NegotiationId id) {
    return reply(who, id, new Reply.Accept(null, null), null, null);
  }

  protected Negotiation decline(UserId who, NegotiationId id) {
    return reply(who, id, new Reply.Decline(), null, null);
  }

  protected Negotiation reply(
      UserId who, NegotiationId id, Reply reply, ReplyId replyId, Long expectedVersion) {
    return uc.replyToNegotiation()
        .reply(who, new ReplyCommand(id, reply, replyId, expectedVersion, null, null))
        .negotiation();
  }

  protected Negotiation stored(NegotiationId id) {
    return backend.transactions.inTransaction(
        () -> backend.negotiations.findById(id).orElseThrow());
  }
}
