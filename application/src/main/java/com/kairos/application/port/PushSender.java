package com.kairos.application.port;

/**
 * Outbound port: hands one push to the provider (FCM, a log line, or nothing). Implementations
 * never throw for a provider failure: they classify it as a {@link PushResult}. They are called
 * outside any transaction, by the dispatcher only, never on a request's path.
 */
public interface PushSender {

  PushResult send(PushMessage message);
}
