package com.kairos.application.port;

import com.kairos.domain.negotiation.Negotiation;
import java.time.Instant;
import java.util.List;

/** Outbound port: the background job that writes due expiries in bulk. */
public interface NegotiationSweep {

  /**
   * Persists up to {@code batchSize} due expiries (open negotiations with {@code expiresAt <=
   * now}), each with its history line, skipping any another sweeper holds. Returns the negotiations
   * this call expired, as stored after the expiry, so the caller needs no reload.
   */
  List<Negotiation> expireDue(Instant now, int batchSize);
}
