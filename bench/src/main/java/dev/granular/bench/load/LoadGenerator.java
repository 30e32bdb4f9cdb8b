package dev.granular.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The load generator as a library: {@link #events()} streams every workspace's records merged in position
 * order (as they would interleave on a real topic), {@link #definitions()} gives every workspace's
 * definitions. Nothing but the current record and a few recent events per workspace is held in memory.
 */
public final class LoadGenerator {
  private final LoadConfig config;

  public LoadGenerator(LoadConfig config) {
    this.config = config;
  }

  public LoadConfig config() {
    return config;
  }

  public List<String> workspaceIds() {
    List<String> ids = new ArrayList<>();
    for (int w = 0; w < config.workspaceCount(); w++) {
      ids.add(config.workspaceId(w));
    }
    return ids;
  }

  /** A new pass over the records, from the start: every call yields the same sequence. */
  public Iterator<GeneratedEvent> events() {
    Map<Integer, ZipfSampler> usersBySize = new HashMap<>(); // small workspaces share one table
    EventFactory factory = new EventFactory(new ZipfSampler(config.eventNames(), config.eventNameSkew()));
    List<WorkspaceStream> streams = new ArrayList<>();
    for (int w = 0; w < config.workspaceCount(); w++) {
      ZipfSampler users = usersBySize.computeIfAbsent(config.usersFor(w), n -> new ZipfSampler(n, config.userSkew()));
      streams.add(new WorkspaceStream(config, w, users, factory));
    }
    return new Merge(streams);
  }

  /** Segments then user properties, workspace by workspace; small enough to hold. */
  public List<GeneratedDefinition> definitions() {
    List<GeneratedDefinition> all = new ArrayList<>();
    for (int w = 0; w < config.workspaceCount(); w++) {
      all.addAll(new DefinitionGenerator(config, w).definitions());
    }
    return all;
  }

  /** Picks the workspace whose next position is earliest; ties go to the lower workspace index. */
  private static final class Merge implements Iterator<GeneratedEvent> {
    private final PriorityQueue<WorkspaceStream> queue = new PriorityQueue<>(
        Comparator.comparingLong(WorkspaceStream::positionTimeMs).thenComparingInt(s -> s.index));

    Merge(List<WorkspaceStream> streams) {
      streams.stream().filter(WorkspaceStream::hasNext).forEach(queue::add);
    }

    @Override
    public boolean hasNext() {
      return !queue.isEmpty();
    }

    @Override
    public GeneratedEvent next() {
      WorkspaceStream stream = queue.poll();
      if (stream == null) {
        throw new NoSuchElementException();
      }
      GeneratedEvent event = stream.next();
      if (stream.hasNext()) {
        queue.add(stream);
      }
      return event;
    }
  }
}
