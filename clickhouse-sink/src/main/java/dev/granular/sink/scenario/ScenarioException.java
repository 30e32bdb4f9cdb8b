package dev.granular.sink.scenario;

/** A scenario that cannot be run; the message names the step (or the scenario) and the field. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String where, String field, String problem) {
    super(where + ", field " + field + ": " + problem);
  }

  public ScenarioException(String message) {
    super(message);
  }
}
