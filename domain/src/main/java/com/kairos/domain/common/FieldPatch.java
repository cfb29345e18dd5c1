package com.kairos.domain.common;

import java.util.Objects;
import java.util.function.Function;

/** One field of a partial update: absent (leave as is), or set to a value that may be null. */
public final class FieldPatch<T> {
  private static final FieldPatch<?> ABSENT = new FieldPatch<>(false, null);
  private final boolean present;
  private final T value;

  private FieldPatch(boolean present, T value) {
    this.present = present;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> FieldPatch<T> absent() {
    return (FieldPatch<T>) ABSENT;
  }

  public static <T> FieldPatch<T> set(T valueOrNull) {
    return new FieldPatch<>(true, valueOrNull);
  }

  public boolean isPresent() {
    return present;
  }

  /** The new value, or {@code current} when the field is absent. */
  public T applyTo(T current) {
    return present ? value : current;
  }

  public <R> FieldPatch<R> map(Function<T, R> mapper) {
    return present ? set(value == null ? null : mapper.apply(value)) : absent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPatch<?> other
        && other.present == present
        && Objects.equals(other.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(present, value);
  }

  @Override
  public String toString() {
    return present ? "set" : "absent";
  }
}
