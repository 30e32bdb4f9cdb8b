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
    CYCLE
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
