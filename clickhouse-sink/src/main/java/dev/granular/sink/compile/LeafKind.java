package dev.granular.sink.compile;

/**
 * The state-leaf vocabulary: per (workspace, leaf, user) aggregate state that is mergeable, insensitive to
 * duplicate messageIds and to arrival order. "ok" is the order key (event time ms, messageId). LEAVES.md
 * gives each kind's ClickHouse aggregate states and how predicates are resolved from them.
 */
public enum LeafKind {
  /** Any event: max(ok). The known-user population; Id, Everyone, RandomBucket, zero-count Performed. */
  SEEN,
  /** Identify events: max(ok). Needed by NotEquals / NotExists, which look at identifies lacking the path. */
  IDENTIFY_LAST,
  /** Identify events with a value at path: argMax(value, ok), max(ok). Most Trait operators, Includes. */
  TRAIT_LAST,
  /** Identify events with a value at path: groupUniqArray((ok, value)). HasBeen (when the value was set). */
  TRAIT_HISTORY,
  /** Matching track events: uniqExact(messageId). Performed without a window. */
  PERFORMED_COUNT,
  /** Matching track events, keyed also by event time: uniqExact(messageId). Performed within a window. */
  PERFORMED_TIMES,
  /** Matching track events: argMax(properties, ok). LastPerformed (hasProperties tested at resolve). */
  LAST_EVENT,
  /** Matching track events with a value at path: argMax(value, ok). Performed user property. */
  EVENT_LAST_VALUE,
  /** Events with an anonymousId: argMax(anonymousId, ok). AnonymousId user property. */
  ANONYMOUS_ID,
  /** Track events with a listed name: groupUniqArray((ok, messageId)). PerformedMany user property. */
  EVENT_LIST
}
