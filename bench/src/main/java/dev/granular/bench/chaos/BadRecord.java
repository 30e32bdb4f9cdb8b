package dev.granular.bench.chaos;

/**
 * One record of a bad-input class, for {@code user-events} or the definitions topic. Keys are unique within a run,
 * and a dead letter keeps its original key, so the checker finds each record's class by its key.
 */
public record BadRecord(String className, Expected expected, Target target, byte[] key, byte[] value) {
  public enum Target { USER_EVENTS, DEFINITIONS }
}
