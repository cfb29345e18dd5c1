package com.kairos.postgres;

import org.jdbi.v3.core.Handle;

/** The handle of the transaction running on this thread; repositories work only inside one. */
final class CurrentHandle {
  private final ThreadLocal<Handle> handle = new ThreadLocal<>();

  Handle get() {
    Handle h = handle.get();
    if (h == null) {
      throw new IllegalStateException("repository used outside a transaction");
    }
    return h;
  }

  boolean isOpen() {
    return handle.get() != null;
  }

  void set(Handle h) {
    handle.set(h);
  }

  void clear() {
    handle.remove();
  }
}
