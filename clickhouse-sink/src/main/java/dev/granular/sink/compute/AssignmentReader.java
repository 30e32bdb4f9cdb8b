package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads current assignments (the latest version of each) for a CLI, the scenario runner and tests. */
public final class AssignmentReader {

  /** One user's current assignments: the segments they are in, and their user-property values. */
  public record UserAssignments(Set<String> segments, Map<String, JsonNode> properties) {
    public UserAssignments {
      segments = Set.copyOf(segments);
      properties = Map.copyOf(properties);
    }
  }

  /** Every current assignment of a workspace: segments list members only, properties only values. */
  public record Snapshot(Map<String, Set<String>> members, Map<String, Map<String, JsonNode>> values) {
  }

  private final Retrying clickHouse;
  private final WindowEvents events;

  public AssignmentReader(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    this.clickHouse = new Retrying(clickHouse, retryPolicy);
    this.events = new WindowEvents(this.clickHouse);
  }

  /** Members of a segment, sorted by user id, at most {@code limit}. */
  public List<String> members(String workspaceId, String segmentId, int limit) {
    List<String> users = new ArrayList<>();
    clickHouse.rows("SELECT user_id FROM (" + latest(workspaceId) + " AND property_id = " + Sql.string(segmentId)
        + " GROUP BY user_id) WHERE value = 'true' ORDER BY user_id LIMIT " + Math.max(0, limit))
        .forEach(r -> users.add(r[0]));
    return users;
  }

  /**
   * One page of a segment's members, sorted by user id: at most {@code limit} members whose id sorts after
   * {@code afterUserId} (null: from the start). Keyset paging, so a page costs the same wherever it starts.
   */
  public List<String> membersPage(String workspaceId, String segmentId, String afterUserId, int limit) {
    List<String> users = new ArrayList<>();
    String after = afterUserId == null ? "" : " AND user_id > " + Sql.string(afterUserId);
    clickHouse.rows("SELECT user_id FROM (" + latest(workspaceId) + " AND property_id = " + Sql.string(segmentId) + after
        + " GROUP BY user_id) WHERE value = 'true' ORDER BY user_id LIMIT " + Math.max(0, limit))
        .forEach(r -> users.add(r[0]));
    return users;
  }

  /** An estimate of a segment's size (ClickHouse uniq: fast, within about 1% at scale; exact when small). */
  public long segmentSizeEstimate(String workspaceId, String segmentId) {
    return Long.parseLong(clickHouse.rows("SELECT uniq(user_id) FROM (" + latest(workspaceId) + " AND property_id = "
        + Sql.string(segmentId) + " GROUP BY user_id) WHERE value = 'true'").get(0)[0]);
  }

  /** The user's assignments, or empty when nothing was ever computed for them (an unknown user). */
  public java.util.Optional<UserAssignments> knownUser(String workspaceId, String userId) {
    String any = clickHouse.rows("SELECT count() FROM " + clickHouse.table("assignments") + " WHERE workspace_id = "
        + Sql.string(workspaceId) + " AND user_id = " + Sql.string(userId)).get(0)[0];
    return any.equals("0") ? java.util.Optional.empty() : java.util.Optional.of(user(workspaceId, userId));
  }

  public UserAssignments user(String workspaceId, String userId) {
    Set<String> segments = new TreeSet<>();
    Map<String, JsonNode> properties = new TreeMap<>();
    for (String[] r : clickHouse.rows("SELECT property_id, is_segment, argMax(value, as_of_ms) FROM "
        + clickHouse.table("assignments") + " WHERE workspace_id = " + Sql.string(workspaceId) + " AND user_id = "
        + Sql.string(userId) + " GROUP BY property_id, is_segment")) {
      if (r[1].equals("1") && r[2].equals("true")) {
        segments.add(r[0]);
      } else if (r[1].equals("0") && !r[2].isEmpty()) {
        properties.put(r[0], LeafView.json(r[2]));
      }
    }
    return new UserAssignments(segments, properties);
  }

  public Snapshot snapshot(String workspaceId) {
    Map<String, Set<String>> members = new TreeMap<>();
    Map<String, Map<String, JsonNode>> values = new TreeMap<>();
    for (String[] r : clickHouse.rows("SELECT property_id, user_id, is_segment, argMax(value, as_of_ms) FROM "
        + clickHouse.table("assignments") + " WHERE workspace_id = " + Sql.string(workspaceId)
        + " GROUP BY property_id, user_id, is_segment")) {
      if (r[2].equals("1") && r[3].equals("true")) {
        members.computeIfAbsent(r[0], p -> new TreeSet<>()).add(r[1]);
      } else if (r[2].equals("0") && !r[3].isEmpty()) {
        values.computeIfAbsent(r[0], p -> new TreeMap<>()).put(r[1], LeafView.json(r[3]));
      }
    }
    return new Snapshot(members, values);
  }

  /** Users with any event received by {@code toInclusiveMs}: the population segments range over. */
  public Set<String> knownUsers(String workspaceId, long toInclusiveMs) {
    return new TreeSet<>(events.knownUsers(workspaceId, toInclusiveMs, UserBucket.ALL));
  }

  private String latest(String workspaceId) {
    return "SELECT user_id, argMax(value, as_of_ms) AS value FROM " + clickHouse.table("assignments")
        + " WHERE workspace_id = " + Sql.string(workspaceId);
  }
}
