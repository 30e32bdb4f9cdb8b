package dev.granular.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBufferTest {
  private static StoredEvent at(String ws, String id, long processingTime) {
    return new StoredEvent(ws, id, "track", "u", null, "e", null, null, 0, processingTime);
  }

  @Test
  void watermarkStaysBelowEventsStillOnlyBuffered() {
    List<StoredEvent> written = new ArrayList<>();
    EventBuffer buffer = new EventBuffer("b", written::addAll);
    buffer.add(at("w", "1", 100));
    buffer.add(at("w", "2", 105));
    buffer.flush(); // as at a commit
    buffer.add(at("w", "3", 105)); // same millisecond, arrived before the drain
    buffer.add(at("v", "4", 90));

    List<DurableProgress> progress = buffer.drainDurable();
    assertEquals(1, progress.size());
    assertEquals(104, progress.get(0).watermarkMs(), "event 3 at 105 is not durable yet");
    assertEquals(2, progress.get(0).events());
    assertEquals(List.of("1", "2"), written.stream().map(StoredEvent::messageId).toList());
    assertEquals(List.of(), buffer.drainDurable());
  }
}
