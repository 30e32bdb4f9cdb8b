package dev.granular.bench.load;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Everything the load generator's output depends on: the same config gives byte-identical output.
 * Build one with {@link #builder()}, which declares every setting's default and the {@code generate} command's options.
 *
 * @param runId                prefix of every messageId, so that two runs into one topic do not collide
 * @param eventsPerWorkspace   records per small workspace, counting restatements, near-duplicates and invalid ones
 * @param whaleFactor          0: no whale; otherwise one extra workspace with this many times the records
 * @param whaleUsers           users of the whale workspace
 * @param userSkew             Zipf exponent of user activity (0: uniform)
 * @param eventNames           distinct track event names per workspace, drawn with Zipf exponent {@code eventNameSkew}
 * @param restatementRate      share of records that repeat a recent event byte for byte (same messageId)
 * @param nearDuplicateRate    share of records that repeat the latest event's content under a new messageId
 * @param outOfOrderRate       share of new events whose event time is up to {@code maxLatenessMs} before their position
 * @param invalidRate          share of records the validator rejects
 * @param startTimeMs          event time of every workspace's first position
 * @param durationMs           event-time span every workspace's positions cover (so the whale is denser, not longer)
 * @param sharedPredicates     size of each workspace's pool of leaf predicates that segments draw from
 * @param maxPayloadBytes      the validator's payload limit, which oversized invalid records must exceed
 * @param maxFieldLength       the validator's field length limit, which over-long invalid records must exceed
 */
public record LoadConfig(long seed, String runId, String workspacePrefix, int smallWorkspaces, long eventsPerWorkspace,
    int whaleFactor, int usersPerWorkspace, int whaleUsers, double userSkew, int eventNames, double eventNameSkew,
    double restatementRate, double nearDuplicateRate, double outOfOrderRate, long maxLatenessMs, double invalidRate,
    long startTimeMs, long durationMs, int segmentsPerWorkspace, int userPropertiesPerWorkspace, int sharedPredicates,
    int maxPayloadBytes, int maxFieldLength) {

  public LoadConfig {
    require(!runId.isBlank() && !workspacePrefix.isBlank(), "runId and workspacePrefix must not be blank");
    require(smallWorkspaces >= 0 && whaleFactor >= 0 && smallWorkspaces + (whaleFactor > 0 ? 1 : 0) > 0,
        "need at least one workspace (smallWorkspaces >= 0, whaleFactor >= 0)");
    require(eventsPerWorkspace >= 0 && durationMs > 0 && startTimeMs >= 0,
        "events and start must not be negative, duration must be positive");
    require(usersPerWorkspace > 0 && whaleUsers > 0 && eventNames > 0 && sharedPredicates > 0,
        "users, event names and shared predicates must be at least 1");
    require(userSkew >= 0 && eventNameSkew >= 0 && Double.isFinite(userSkew + eventNameSkew), "skews must be >= 0");
    for (double rate : new double[] {restatementRate, nearDuplicateRate, outOfOrderRate, invalidRate}) {
      require(rate >= 0 && rate <= 1, "rates must be between 0 and 1");
    }
    require(restatementRate + nearDuplicateRate + invalidRate <= 1,
        "restatement + near-duplicate + invalid rates exceed 1");
    require(outOfOrderRate == 0 || maxLatenessMs > 0, "out-of-order events need a positive maximum lateness");
    require(segmentsPerWorkspace >= 0 && userPropertiesPerWorkspace >= 0, "definition counts must not be negative");
    require(maxPayloadBytes > 0 && maxFieldLength > 0, "validator limits must be positive");
    require(!workspacePrefix.contains("/"), "workspacePrefix must not contain '/', the definitions key separator");
    require(longestField(runId, workspacePrefix, smallWorkspaces, eventsPerWorkspace, whaleFactor, eventNames)
        <= maxFieldLength, "runId, workspacePrefix or event names exceed maxFieldLength " + maxFieldLength);
  }

  /** The longest id or name a valid event can carry: messageId, workspace id or event name. */
  private static int longestField(String runId, String workspacePrefix, int smallWorkspaces, long eventsPerWorkspace,
      int whaleFactor, int eventNames) {
    long maxEvents = Math.max(eventsPerWorkspace, eventsPerWorkspace * Math.max(1L, whaleFactor));
    int messageId = runId.length() + 3 + digits(smallWorkspaces + 1) + digits(maxEvents); // runId-w<index>-<seq>
    int workspaceIdLength = workspacePrefix.length() + Math.max(6, 1 + Math.max(3, digits(smallWorkspaces)));
    int eventName = 0;
    for (int rank = 0; rank < Math.min(eventNames, EventCatalog.TRACK_EVENTS.size() + 1); rank++) {
      eventName = Math.max(eventName, EventCatalog.trackEvent(rank).length());
    }
    eventName = Math.max(eventName, EventCatalog.trackEvent(eventNames - 1).length());
    return Math.max(messageId, Math.max(workspaceIdLength, eventName));
  }

  private static int digits(long n) {
    return Long.toString(Math.max(0, n)).length();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The same load with other definition counts: P6 gives each workspace its own number of properties. */
  public LoadConfig withDefinitions(int segments, int userProperties) {
    return new LoadConfig(seed, runId, workspacePrefix, smallWorkspaces, eventsPerWorkspace, whaleFactor,
        usersPerWorkspace, whaleUsers, userSkew, eventNames, eventNameSkew, restatementRate, nearDuplicateRate,
        outOfOrderRate, maxLatenessMs, invalidRate, startTimeMs, durationMs, segments, userProperties, sharedPredicates,
        maxPayloadBytes, maxFieldLength);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean hasWhale() {
    return whaleFactor > 0;
  }

  /** Small workspaces first (0 .. smallWorkspaces-1), then the whale. */
  public int workspaceCount() {
    return smallWorkspaces + (hasWhale() ? 1 : 0);
  }

  public boolean isWhale(int workspace) {
    return hasWhale() && workspace == smallWorkspaces;
  }

  public String workspaceId(int workspace) {
    return isWhale(workspace) ? workspacePrefix + "-whale"
        : String.format(java.util.Locale.ROOT, "%s-%03d", workspacePrefix, workspace + 1);
  }

  public long eventsFor(int workspace) {
    return isWhale(workspace) ? Math.multiplyExact(eventsPerWorkspace, whaleFactor) : eventsPerWorkspace;
  }

  public int usersFor(int workspace) {
    return isWhale(workspace) ? whaleUsers : usersPerWorkspace;
  }

  public long totalEvents() {
    long total = 0;
    for (int w = 0; w < workspaceCount(); w++) {
      total += eventsFor(w);
    }
    return total;
  }

  /**
   * The one declaration of the generator's settings: each with its default (the field's initial value) and, where
   * the {@code generate} command exposes it, its option, as a picocli mixin. Benchmarks set fields fluently; the
   * command parses its arguments into one; either way {@link #build()} validates in {@link LoadConfig}'s constructor.
   * Unset settings keep their defaults.
   */
  public static final class Builder {
    /** A fixed start keeps the output a function of the seed alone. */
    static final String DEFAULT_START = "2025-01-01T00:00:00Z";
    static final long DEFAULT_MAX_LATENESS_SECONDS = 600;
    static final long DEFAULT_DURATION_SECONDS = 3_600;

    @Option(names = "--seed", description = "Default ${DEFAULT-VALUE}.")
    private long seed = 42;
    @Option(names = "--run-id",
        description = "messageId prefix (default load-<seed>); a new one sends the same load again as new events.")
    private String runId;
    @Option(names = "--workspace-prefix", description = "Default ${DEFAULT-VALUE}.")
    private String workspacePrefix = "ws";
    @Option(names = "--workspaces", paramLabel = "<workspaces>",
        description = "Small workspaces (default ${DEFAULT-VALUE}).")
    private int smallWorkspaces = 10;
    @Option(names = "--events", paramLabel = "<events>",
        description = "Records per small workspace (default ${DEFAULT-VALUE}).")
    private long eventsPerWorkspace = 10_000;
    @Option(names = "--whale-factor",
        description = "One whale with F x the records; 0: none (default ${DEFAULT-VALUE}).")
    private int whaleFactor = 0;
    @Option(names = "--users", paramLabel = "<users>",
        description = "Users per small workspace (default ${DEFAULT-VALUE}).")
    private int usersPerWorkspace = 1_000;
    /** 0: the whale has usersPerWorkspace × whaleFactor users, as a big tenant has more users too. */
    @Option(names = "--whale-users", description = "Whale users; 0: users x whale factor (default ${DEFAULT-VALUE}).")
    private int whaleUsers = 0;
    @Option(names = "--user-skew", description = "Zipf exponent of user activity (default ${DEFAULT-VALUE}).")
    private double userSkew = 1.1;
    @Option(names = "--event-names", description = "Default ${DEFAULT-VALUE}.")
    private int eventNames = 20;
    @Option(names = "--event-skew", paramLabel = "<eventSkew>",
        description = "Zipf exponent of event names (default ${DEFAULT-VALUE}).")
    private double eventNameSkew = 1.0;
    @Option(names = "--restatements", paramLabel = "<restatements>",
        description = "Share sent again with the same messageId (default ${DEFAULT-VALUE}).")
    private double restatementRate = 0.02;
    @Option(names = "--near-duplicates", paramLabel = "<nearDuplicates>",
        description = "Share repeating the last event under a new messageId (default ${DEFAULT-VALUE}).")
    private double nearDuplicateRate = 0.02;
    @Option(names = "--out-of-order", paramLabel = "<outOfOrder>",
        description = "Share of new events with an earlier event time (default ${DEFAULT-VALUE}).")
    private double outOfOrderRate = 0.05;
    @Option(names = "--max-lateness-seconds", paramLabel = "<maxLatenessSeconds>", converter = Seconds.class,
        description = "Default " + DEFAULT_MAX_LATENESS_SECONDS + ".")
    private long maxLatenessMs = DEFAULT_MAX_LATENESS_SECONDS * 1000;
    @Option(names = "--invalid", paramLabel = "<invalid>",
        description = "Share of invalid records (default ${DEFAULT-VALUE}).")
    private double invalidRate = 0.001;
    @Option(names = "--start", paramLabel = "<start>", converter = Start.class,
        description = "First event time, ISO-8601 or 'now' (default " + DEFAULT_START + ").")
    private long startTimeMs = Instant.parse(DEFAULT_START).toEpochMilli();
    @Option(names = "--duration-seconds", paramLabel = "<durationSeconds>", converter = Seconds.class,
        description = "Event-time span of every workspace (default " + DEFAULT_DURATION_SECONDS + ").")
    private long durationMs = DEFAULT_DURATION_SECONDS * 1000;
    @Option(names = "--segments", paramLabel = "<segments>", description = "Per workspace (default ${DEFAULT-VALUE}).")
    private int segmentsPerWorkspace = 20;
    @Option(names = "--user-properties", paramLabel = "<userProperties>",
        description = "Per workspace (default ${DEFAULT-VALUE}).")
    private int userPropertiesPerWorkspace = 5;
    @Option(names = "--shared-predicates",
        description = "Leaf pool per workspace that segments share (default ${DEFAULT-VALUE}).")
    private int sharedPredicates = 12;
    /** The app's defaults (ingest.max-payload-bytes, ingest.max-field-length): invalid records must exceed them. */
    private int maxPayloadBytes = 262_144;
    private int maxFieldLength = 1_024;

    private Builder() {}

    public Builder seed(long v) { seed = v; return this; }
    /** Default: {@code load-<seed>}. */
    public Builder runId(String v) { runId = v; return this; }
    public Builder workspacePrefix(String v) { workspacePrefix = v; return this; }
    public Builder smallWorkspaces(int v) { smallWorkspaces = v; return this; }
    public Builder eventsPerWorkspace(long v) { eventsPerWorkspace = v; return this; }
    public Builder whaleFactor(int v) { whaleFactor = v; return this; }
    public Builder usersPerWorkspace(int v) { usersPerWorkspace = v; return this; }
    /** 0 (default): usersPerWorkspace × whaleFactor. */
    public Builder whaleUsers(int v) { whaleUsers = v; return this; }
    public Builder userSkew(double v) { userSkew = v; return this; }
    public Builder eventNames(int v) { eventNames = v; return this; }
    public Builder eventNameSkew(double v) { eventNameSkew = v; return this; }
    public Builder restatementRate(double v) { restatementRate = v; return this; }
    public Builder nearDuplicateRate(double v) { nearDuplicateRate = v; return this; }
    public Builder outOfOrderRate(double v) { outOfOrderRate = v; return this; }
    public Builder maxLatenessMs(long v) { maxLatenessMs = v; return this; }
    public Builder invalidRate(double v) { invalidRate = v; return this; }
    public Builder startTimeMs(long v) { startTimeMs = v; return this; }
    public Builder durationMs(long v) { durationMs = v; return this; }
    public Builder segmentsPerWorkspace(int v) { segmentsPerWorkspace = v; return this; }
    public Builder userPropertiesPerWorkspace(int v) { userPropertiesPerWorkspace = v; return this; }
    public Builder sharedPredicates(int v) { sharedPredicates = v; return this; }
    public Builder maxPayloadBytes(int v) { maxPayloadBytes = v; return this; }
    public Builder maxFieldLength(int v) { maxFieldLength = v; return this; }

    /** Option values in seconds, as milliseconds. */
    static final class Seconds implements ITypeConverter<Long> {
      @Override
      public Long convert(String value) {
        return Math.multiplyExact(Long.parseLong(value), 1000L);
      }
    }

    /** An ISO-8601 instant or 'now', as epoch milliseconds. */
    static final class Start implements ITypeConverter<Long> {
      @Override
      public Long convert(String value) {
        try {
          return value.equals("now") ? System.currentTimeMillis() : Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
          throw new TypeConversionException("expected an ISO-8601 instant or 'now', got '" + value + "'");
        }
      }
    }

    public LoadConfig build() {
      int whale = whaleUsers > 0 ? whaleUsers
          : (int) Math.min(Integer.MAX_VALUE, (long) usersPerWorkspace * Math.max(1, whaleFactor));
      return new LoadConfig(seed, runId != null ? runId : "load-" + seed, workspacePrefix, smallWorkspaces,
          eventsPerWorkspace, whaleFactor, usersPerWorkspace, whale, userSkew, eventNames, eventNameSkew,
          restatementRate, nearDuplicateRate, outOfOrderRate, maxLatenessMs, invalidRate, startTimeMs, durationMs,
          segmentsPerWorkspace, userPropertiesPerWorkspace, sharedPredicates, maxPayloadBytes, maxFieldLength);
    }
  }
}
