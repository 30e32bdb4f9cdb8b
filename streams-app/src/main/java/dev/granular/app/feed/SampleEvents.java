package dev.granular.app.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small deterministic sample load: valid Segment-shaped events over a few workspaces, plus one invalid
 * record of every kind the validator rejects. Used by `sample-load`, the demo and the ingest tests.
 */
public final class SampleEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] EVENTS = {"Viewed Product", "Added To Cart", "Bought Shoes", "Signed Up", "Opened Email"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP"};

  private final Random random;
  private final String runId;
  private final long baseTimeMs;

  /** @param runId makes messageIds unique per run; the same seed and runId give the same events */
  public SampleEvents(long seed, String runId, long baseTimeMs) {
    this.random = new Random(seed);
    this.runId = runId;
    this.baseTimeMs = baseTimeMs;
  }

  /** The i-th valid event, in workspace {@code workspaces[i % n]}. */
  public ObjectNode valid(int i, List<String> workspaces) {
    ObjectNode e = JSON.createObjectNode();
    e.put("workspaceId", workspaces.get(i % workspaces.size()));
    e.put("messageId", runId + "-" + i);
    String user = "user-" + random.nextInt(500);
    boolean anonymous = random.nextInt(10) == 0;
    e.put(anonymous ? "anonymousId" : "userId", user);
    long t = baseTimeMs - random.nextInt(3_600_000);
    e.put("timestamp", Instant.ofEpochMilli(t).toString());
    if (random.nextInt(4) == 0) {
      e.put("type", "identify");
      e.putObject("traits").put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]).put("plan", random.nextBoolean() ? "pro" : "free");
    } else {
      e.put("type", "track");
      e.put("event", EVENTS[random.nextInt(EVENTS.length)]);
      e.putObject("properties").put("price", random.nextInt(200)).put("sku", "sku-" + random.nextInt(50));
    }
    e.putObject("context").put("library", "granular-sample"); // real payloads carry fields we ignore
    e.putNull("integrations");
    return e;
  }

  /** One record for each reject reason, keyed by the reason code the validator must give it. */
  public List<String[]> invalid(String workspace, int maxFieldLength, int maxPayloadBytes) {
    List<String[]> out = new ArrayList<>();
    String ok = "\"workspaceId\":\"" + workspace + "\",\"userId\":\"u\",\"timestamp\":\"2025-01-01T00:00:00Z\"";
    out.add(new String[] {"unparseable_json", "{\"workspaceId\": \"" + workspace + "\", oops"});
    out.add(new String[] {"not_an_object", "[1,2,3]"});
    out.add(new String[] {"missing_workspace_id", "{\"messageId\":\"" + runId + "-bad-ws\",\"type\":\"track\",\"event\":\"x\",\"userId\":\"u\"}"});
    out.add(new String[] {"missing_message_id", "{" + ok + ",\"type\":\"track\",\"event\":\"x\"}"});
    out.add(new String[] {"missing_user_id", "{\"workspaceId\":\"" + workspace + "\",\"messageId\":\"" + runId + "-bad-u\",\"type\":\"identify\"}"});
    out.add(new String[] {"unknown_type", "{" + ok + ",\"messageId\":\"" + runId + "-bad-t\",\"type\":\"alias\"}"});
    out.add(new String[] {"missing_event", "{" + ok + ",\"messageId\":\"" + runId + "-bad-e\",\"type\":\"track\"}"});
    out.add(new String[] {"bad_timestamp", "{\"workspaceId\":\"" + workspace + "\",\"userId\":\"u\",\"messageId\":\"" + runId
        + "-bad-ts\",\"type\":\"identify\",\"timestamp\":\"yesterday\"}"});
    out.add(new String[] {"bad_field_type", "{" + ok + ",\"messageId\":42,\"type\":\"identify\"}"});
    out.add(new String[] {"field_too_long", "{" + ok + ",\"messageId\":\"" + "m".repeat(maxFieldLength + 1) + "\",\"type\":\"identify\"}"});
    out.add(new String[] {"properties_not_object", "{" + ok + ",\"messageId\":\"" + runId + "-bad-p\",\"type\":\"track\",\"event\":\"x\",\"properties\":[1]}"});
    out.add(new String[] {"traits_not_object", "{" + ok + ",\"messageId\":\"" + runId + "-bad-tr\",\"type\":\"identify\",\"traits\":\"vip\"}"});
    out.add(new String[] {"payload_too_large", "{" + ok + ",\"messageId\":\"" + runId + "-big\",\"type\":\"identify\",\"traits\":{\"blob\":\""
        + "x".repeat(maxPayloadBytes) + "\"}}"});
    out.add(new String[] {"empty_payload", ""});
    return out;
  }
}
