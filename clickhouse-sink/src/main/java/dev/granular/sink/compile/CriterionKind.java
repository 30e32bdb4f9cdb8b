package dev.granular.sink.compile;

/** What a criterion computes from its leaves and children. */
public enum CriterionKind {
  // Segment criteria: a boolean per known user.
  /** Trait test; spec {path, operator}. */
  TRAIT,
  /** Event count test; spec {selector, times, timesOperator, withinMs}. */
  PERFORMED,
  /** Test on the latest qualifying event; spec {selector (event + where), has}. */
  LAST_PERFORMED,
  /** Latest trait is an array holding item; spec {path, item}. */
  INCLUDES,
  /** Every known user. */
  EVERYONE,
  /** Hash bucket; spec {percent, salt (the segment name)}. */
  RANDOM_BUCKET,
  /** All children (at least two; sorted, flattened). */
  AND,
  /** Some child (at least two; sorted, flattened). */
  OR,
  /** Constant false: an invalid trait path, or an And holding NEVER. */
  NEVER,
  // User-property criteria: a JSON value or none per user.
  /** The user id. */
  ID,
  /** The latest anonymousId. */
  ANONYMOUS_ID,
  /** Latest trait value; spec {path, skipNulls}. */
  TRAIT_VALUE,
  /** Latest matching event's value; spec {selector, path, skipNulls}. */
  PERFORMED_VALUE,
  /** Matching events, newest first; spec {events}. */
  PERFORMED_MANY,
  /** First child with a value, in order (at least two). */
  ANY_OF,
  /** Constant "no value": skipReCompute, invalid path, or AnyOf with nothing left. */
  ABSENT
}
