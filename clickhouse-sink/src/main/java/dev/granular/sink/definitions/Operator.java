package dev.granular.sink.definitions;

import java.time.Instant;

/**
 * A Dittofeed SegmentOperator: how a trait or event property value is tested. Comparison values are kept in
 * Dittofeed's text form ({@link ValueText}) because Dittofeed compares as strings.
 */
public sealed interface Operator {

  /** Value text equals {@code value}. */
  record Equals(String value) implements Operator {
  }

  /** Value text differs from {@code value} (a missing value differs). */
  record NotEquals(String value) implements Operator {
  }

  /** A non-empty value is present. */
  record Exists() implements Operator {
  }

  /** No non-empty value is present. */
  record NotExists() implements Operator {
  }

  /** Value parses as a number that is {@code >= value}. */
  record GreaterThanOrEqual(double value) implements Operator {
  }

  /** Value parses as a number that is {@code < value}. */
  record LessThan(double value) implements Operator {
  }

  /** Value parses as a timestamp no older than {@code windowMs} before now. */
  record Within(long windowMs) implements Operator {
  }

  /** Value equals {@code value} and has held it for at least (GTE) or less than (LT) {@code windowMs}. */
  record HasBeen(String value, Comparator comparator, long windowMs) implements Operator {

    public enum Comparator { GTE, LT }
  }

  /** Value parses as a timestamp at or after (AFTER) or before (BEFORE) {@code timestamp}. */
  record AbsoluteTimestamp(Instant timestamp, Direction direction) implements Operator {

    public enum Direction { AFTER, BEFORE }
  }
}
