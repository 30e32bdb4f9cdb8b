package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * One workspace's records in position order. Each record is invalid, a restatement, a near-duplicate or a
 * new event, drawn with the configured rates from the workspace's own random stream.
 */
final class WorkspaceStream {
  /** How far back a restatement may reach: producer retries repeat recent events. */
  private static final int RECENT = 32;

  final int index;
  private final LoadConfig config;
  private final String workspaceId;
  private final long count;
  private final SplittableRandom random;
  private final ZipfSampler users;
  private final EventFactory factory;
  private final InvalidRecords invalid;
  private final RecentEvents recent = new RecentEvents(RECENT);
  private long emitted;
  private long messages;

  WorkspaceStream(LoadConfig config, int index, ZipfSampler users, EventFactory factory) {
    this.index = index;
    this.config = config;
    this.workspaceId = config.workspaceId(index);
    this.count = config.eventsFor(index);
    this.random = Seeds.random(config.seed(), index, Seeds.EVENTS);
    this.users = users;
    this.factory = factory;
    this.invalid = new InvalidRecords(config, index);
  }

  boolean hasNext() {
    return emitted < count;
  }

  /** Positions are spread evenly over the configured duration, so a bigger workspace is denser, not longer. */
  long positionTimeMs() {
    return config.startTimeMs() + (long) ((double) emitted / count * config.durationMs());
  }

  GeneratedEvent next() {
    return next(positionTimeMs());
  }

  /**
   * The next record at a position the caller chooses: P6 passes the wall clock at which it sends the record, so a
   * new event's event time is its produce time, and late events and restatements are older than that.
   */
  GeneratedEvent next(long position) {
    emitted++;
    double draw = random.nextDouble();
    if (draw < config.invalidRate()) {
      return invalid.next(position);
    }
    draw -= config.invalidRate();
    if (draw < config.restatementRate() && !recent.isEmpty()) {
      String original = recent.anyText(random);
      return new GeneratedEvent(workspaceId, GeneratedEvent.Kind.RESTATEMENT, position, false, original, null);
    }
    draw -= config.restatementRate();
    if (draw < config.nearDuplicateRate() && !recent.isEmpty()) {
      ObjectNode copy = recent.latest().deepCopy();
      copy.put("messageId", nextMessageId());
      copy.put("timestamp", EventFactory.timestamp(position));
      return remember(copy, GeneratedEvent.Kind.NEAR_DUPLICATE, position, false);
    }
    boolean late = random.nextDouble() < config.outOfOrderRate() && position > 0;
    long time = late ? position - 1 - random.nextLong(Math.min(config.maxLatenessMs(), position)) : position;
    ObjectNode event = factory.fresh(workspaceId, nextMessageId(), users.sample(random), time, random);
    return remember(event, GeneratedEvent.Kind.FRESH, position, late);
  }

  private String nextMessageId() {
    return config.runId() + "-w" + index + "-" + messages++;
  }

  private GeneratedEvent remember(ObjectNode event, GeneratedEvent.Kind kind, long position, boolean late) {
    String text = event.toString();
    recent.add(event, text);
    return new GeneratedEvent(workspaceId, kind, position, late, text, null);
  }
}
