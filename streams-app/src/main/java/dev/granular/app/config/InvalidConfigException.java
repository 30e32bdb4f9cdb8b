package dev.granular.app.config;

/** A setting is missing or wrong; the message names the key, what was expected and where the value came from. */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
