package com.kairos.domain.testing;

import com.kairos.domain.common.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Deterministic, valid version-4 UUIDs: 1, 2, 3, … in the low bits. Thread-safe. */
public final class SequentialIds implements IdGenerator {
  private final AtomicLong next;
  private final long namespace;

  public SequentialIds() {
    this(0);
  }

  /** Ids from different namespaces never collide. */
  public SequentialIds(int namespace) {
    this.namespace = namespace;
    this.next = new AtomicLong(1);
  }

  @Override
  public UUID newId() {
    return nth(namespace, next.getAndIncrement());
  }

  public static UUID nth(long namespace, long n) {
    long msb = (namespace << 32) | 0x4000L;
    long lsb = 0x8000_0000_0000_0000L | n;
    return new UUID(msb, lsb);
  }
}
