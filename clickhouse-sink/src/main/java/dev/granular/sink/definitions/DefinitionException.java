package dev.granular.sink.definitions;

/**
 * A definition that cannot be used. {@link #reason()} is machine-readable (for dead-letter routing and metrics);
 * the message names the node and field for a human.
 */
public final class DefinitionException extends RuntimeException {

  /** Why a definition was rejected. */
  public enum Reason {
    /** Not JSON, or a required field is missing or has the wrong JSON type. */
    MALFORMED,
    /** A node {@code type} that Dittofeed does not define. */
    UNKNOWN_NODE_TYPE,
    /** A Dittofeed node type Granular does not compute (Manual, Email, subscription groups, File...). */
    UNSUPPORTED_NODE_TYPE,
    /** An operator {@code type} that Dittofeed does not define. */
    UNKNOWN_OPERATOR,
    /** A known operator used where it has no meaning (e.g. Within inside a Performed property filter). */
    UNSUPPORTED_OPERATOR,
    /** An operator or node parameter out of range or of the wrong type (times, windowSeconds, percent...). */
    BAD_OPERATOR_VALUE,
    /** Two nodes of one definition share an id, so child references would be ambiguous. */
    DUPLICATE_NODE_ID,
    /** A child or entry id that names no node. */
    DANGLING_CHILD,
    /** A node that (transitively) contains itself. */
    CYCLE,
    /** A string field (id, path, event, ...) given as a number, boolean, object or array. */
    WRONG_TYPE,
    /** Bytes that are not well-formed UTF-8. */
    INVALID_UTF8,
    /** A raw 0x00 byte: never valid JSON (inside a string it must be written as the escape backslash-u0000). */
    NUL_BYTE,
    /** A string holding half of a surrogate pair (an unpaired surrogate escape), which has no UTF-8 form. */
    LONE_SURROGATE,
    /** JSON nested, or a chain of child nodes, deeper than the parser allows. */
    TOO_DEEP,
    /** More nodes, or more children of one node, than {@link DefinitionParser#MAX_NODES}. */
    TOO_MANY_NODES,
    /** A workspace or property id longer than {@link DefinitionParser#MAX_ID_LENGTH}. */
    ID_TOO_LONG,
    /** A definition message larger than {@link DefinitionParser#MAX_BYTES}. */
    TOO_LARGE
  }

  private final Reason reason;
  private final String detail;

  public DefinitionException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  /** The human part of the message, without the reason code. */
  public String detail() {
    return detail;
  }

  /** The same failure, with where it happened (e.g. which property) appended. */
  public DefinitionException in(String context) {
    DefinitionException wrapped = new DefinitionException(reason, detail + " " + context);
    wrapped.initCause(this);
    return wrapped;
  }
}
