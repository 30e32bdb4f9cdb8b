package dev.granular.bench.load;

/**
 * The generator's defaults, as compile-time constants so that {@link LoadConfig.Builder} and the
 * {@code generate} command's option defaults cannot drift apart.
 */
public final class LoadDefaults {
  public static final long SEED = 42;
  public static final String WORKSPACE_PREFIX = "ws";
  public static final int SMALL_WORKSPACES = 10;
  public static final long EVENTS_PER_WORKSPACE = 10_000;
  /** 0: no whale. */
  public static final int WHALE_FACTOR = 0;
  public static final int USERS_PER_WORKSPACE = 1_000;
  /** 0: the whale has {@code USERS_PER_WORKSPACE × WHALE_FACTOR} users, as a big tenant has more users too. */
  public static final int WHALE_USERS = 0;
  public static final double USER_SKEW = 1.1;
  public static final int EVENT_NAMES = 20;
  public static final double EVENT_NAME_SKEW = 1.0;
  public static final double RESTATEMENT_RATE = 0.02;
  public static final double NEAR_DUPLICATE_RATE = 0.02;
  public static final double OUT_OF_ORDER_RATE = 0.05;
  public static final long MAX_LATENESS_SECONDS = 600;
  public static final double INVALID_RATE = 0.001;
  /** A fixed start keeps the output a function of the seed alone. */
  public static final String START = "2025-01-01T00:00:00Z";
  public static final long DURATION_SECONDS = 3_600;
  public static final int SEGMENTS_PER_WORKSPACE = 20;
  public static final int USER_PROPERTIES_PER_WORKSPACE = 5;
  public static final int SHARED_PREDICATES = 12;
  /** The app's defaults (INGEST_MAX_PAYLOAD_BYTES, INGEST_MAX_FIELD_LENGTH): invalid records must exceed them. */
  public static final int MAX_PAYLOAD_BYTES = 262_144;
  public static final int MAX_FIELD_LENGTH = 1_024;

  private LoadDefaults() {}
}
