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

  @Test
  void aBackgroundInsertCountsOnlyOnceDurableAndTheBarrierWaitsForIt() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<StoredEvent> written = java.util.Collections.synchronizedList(new ArrayList<>());
    EventBuffer buffer = new EventBuffer("b", batch -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      written.addAll(batch);
    });
    buffer.add(at("w", "1", 100));
    buffer.add(at("w", "2", 101));
    buffer.insertInBackground(); // returns at once; the sink is held
    buffer.add(at("w", "3", 102));
    assertEquals(java.util.OptionalLong.of(100), buffer.earliestPending(), "the batch in flight is still pending");
    assertEquals(List.of(), buffer.drainDurable(), "nothing counted while the insert is in flight");
    release.countDown();
    buffer.flush(); // the commit barrier: waits for the insert in flight, then inserts the rest
    assertEquals(List.of("1", "2", "3"), written.stream().map(StoredEvent::messageId).toList());
    assertEquals(java.util.OptionalLong.empty(), buffer.earliestPending());
    List<DurableProgress> progress = buffer.drainDurable();
    assertEquals(3, progress.get(0).events());
    assertEquals(102, progress.get(0).watermarkMs());
    buffer.close();
  }

  @Test
  void aFailedBackgroundInsertFailsTheNextWaitInsteadOfBeingCounted() {
    EventBuffer buffer = new EventBuffer("b", batch -> {
      throw new IllegalStateException("ClickHouse unreachable");
    });
    buffer.add(at("w", "1", 100));
    buffer.insertInBackground();
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, buffer::flush);
    assertEquals("ClickHouse unreachable", e.getMessage());
    assertEquals(List.of(), buffer.drainDurable());
    buffer.close();
  }
}
