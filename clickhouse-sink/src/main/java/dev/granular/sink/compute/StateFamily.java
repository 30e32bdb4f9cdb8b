package dev.granular.sink.compute;

import dev.granular.sink.compile.LeafKind;

/** The state table a leaf kind lives in: each kind uses exactly one aggregate family. */
enum StateFamily {
  /** {@code leaf_latest}: max((event time, messageId, text, json, time value)). */
  LATEST,
  /** {@code leaf_counts}: uniqExact(messageId), per event-time bucket for windowed counts. */
  COUNTS,
  /** {@code leaf_history}: groupUniqArray((event time, messageId, payload)). */
  HISTORY;

  static StateFamily of(LeafKind kind) {
    return switch (kind) {
      case SEEN, IDENTIFY_LAST, TRAIT_LAST, LAST_EVENT, EVENT_LAST_VALUE, ANONYMOUS_ID -> LATEST;
      case PERFORMED_COUNT, PERFORMED_TIMES -> COUNTS;
      case TRAIT_HISTORY, EVENT_LIST -> HISTORY;
    };
  }
}
