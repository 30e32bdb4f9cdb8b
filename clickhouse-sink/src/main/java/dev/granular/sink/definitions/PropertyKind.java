package dev.granular.sink.definitions;

/** The two kinds of computed property. */
public enum PropertyKind {
  /** A boolean per user. */
  SEGMENT,
  /** A JSON value per user. */
  USER_PROPERTY
}
