package dev.granular.bench.load;

import java.io.IOException;
import java.util.Iterator;

/** Writes one generator's output to a sink, definitions first, counting as it streams. */
public final class LoadRun {
  private LoadRun() {}

  /** Does not close the sink: the caller opened it and decides when it must be durable. */
  public static LoadSummary write(LoadGenerator generator, LoadSink sink) throws IOException {
    long started = System.nanoTime();
    long definitions = 0;
    for (GeneratedDefinition definition : generator.definitions()) {
      sink.definition(definition);
      definitions++;
    }
    long events = 0;
    long restatements = 0;
    long nearDuplicates = 0;
    long late = 0;
    long invalid = 0;
    for (Iterator<GeneratedEvent> it = generator.events(); it.hasNext(); ) {
      GeneratedEvent event = it.next();
      sink.event(event);
      events++;
      switch (event.kind()) {
        case RESTATEMENT -> restatements++;
        case NEAR_DUPLICATE -> nearDuplicates++;
        case INVALID -> invalid++;
        case FRESH -> late += event.late() ? 1 : 0;
      }
    }
    LoadConfig c = generator.config();
    long whaleEvents = c.hasWhale() ? c.eventsFor(c.smallWorkspaces()) : 0;
    return new LoadSummary(c.seed(), c.runId(), c.smallWorkspaces(), c.eventsPerWorkspace(), c.whaleFactor(),
        whaleEvents, events, restatements, nearDuplicates, late, invalid, definitions,
        (System.nanoTime() - started) / 1_000_000);
  }
}
