package dev.granular.bench.chaos;

/**
 * What the app must do with every record of a bad-input class: dead-letter it with {@code reason} in the
 * {@code granular.reason} header, or (reason null) accept it and store it verbatim.
 */
public record Expected(String reason) {
  public static Expected deadLetter(String reason) {
    return new Expected(reason);
  }

  public static Expected accepted() {
    return new Expected(null);
  }

  public boolean deadLettered() {
    return reason != null;
  }

  @Override
  public String toString() {
    return deadLettered() ? "dead letter: " + reason : "accepted, stored verbatim";
  }
}
