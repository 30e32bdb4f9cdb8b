package dev.granular.bench.load;

import java.time.Instant;

/**
 * Everything the load generator's output depends on: the same config gives byte-identical output.
 * Build one with {@link #builder()}; defaults are in {@link LoadDefaults}.
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

  /** Mutable, for the many optional settings; unset ones keep their {@link LoadDefaults}. */
  public static final class Builder {
    private long seed = LoadDefaults.SEED;
    private String runId;
    private String workspacePrefix = LoadDefaults.WORKSPACE_PREFIX;
    private int smallWorkspaces = LoadDefaults.SMALL_WORKSPACES;
    private long eventsPerWorkspace = LoadDefaults.EVENTS_PER_WORKSPACE;
    private int whaleFactor = LoadDefaults.WHALE_FACTOR;
    private int usersPerWorkspace = LoadDefaults.USERS_PER_WORKSPACE;
    private int whaleUsers = LoadDefaults.WHALE_USERS;
    private double userSkew = LoadDefaults.USER_SKEW;
    private int eventNames = LoadDefaults.EVENT_NAMES;
    private double eventNameSkew = LoadDefaults.EVENT_NAME_SKEW;
    private double restatementRate = LoadDefaults.RESTATEMENT_RATE;
    private double nearDuplicateRate = LoadDefaults.NEAR_DUPLICATE_RATE;
    private double outOfOrderRate = LoadDefaults.OUT_OF_ORDER_RATE;
    private long maxLatenessMs = LoadDefaults.MAX_LATENESS_SECONDS * 1000;
    private double invalidRate = LoadDefaults.INVALID_RATE;
    private long startTimeMs = Instant.parse(LoadDefaults.START).toEpochMilli();
    private long durationMs = LoadDefaults.DURATION_SECONDS * 1000;
    private int segmentsPerWorkspace = LoadDefaults.SEGMENTS_PER_WORKSPACE;
    private int userPropertiesPerWorkspace = LoadDefaults.USER_PROPERTIES_PER_WORKSPACE;
    private int sharedPredicates = LoadDefaults.SHARED_PREDICATES;
    private int maxPayloadBytes = LoadDefaults.MAX_PAYLOAD_BYTES;
    private int maxFieldLength = LoadDefaults.MAX_FIELD_LENGTH;

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
