package dev.granular.app.lifecycle;

/** A lifecycle command refused or failed; the message says why and what to do. Nothing was changed unless it says so. */
public final class LifecycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LifecycleException(String message) {
    super(message);
  }
}
