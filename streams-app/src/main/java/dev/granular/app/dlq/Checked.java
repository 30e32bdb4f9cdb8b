package dev.granular.app.dlq;

/** A record after validation: the value when valid, else the original bytes for a dead-letter topic. */
public record Checked<T>(T value, byte[] rejectedValue) {
  public static <T> Checked<T> valid(T value) {
    return new Checked<>(value, null);
  }

  public static <T> Checked<T> rejected(byte[] original) {
    return new Checked<>(null, original == null ? new byte[0] : original);
  }

  public boolean isValid() {
    return value != null;
  }
}
