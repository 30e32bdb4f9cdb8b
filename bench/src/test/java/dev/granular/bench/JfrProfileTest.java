package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The P2 profile note: a real recording of a busy thread named like a stream thread, read back. */
class JfrProfileTest {
  private static volatile long sink;

  @Test
  void aStreamThreadsHottestMethodIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.jfr");
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.start();
      Thread busy = new Thread(JfrProfileTest::spin, "bench-StreamThread-1");
      busy.start();
      busy.join();
      recording.stop();
      recording.dump(file);
    }
    JfrProfile.Summary summary = JfrProfile.summarize(file).orElseThrow();
    assertTrue(summary.streamThreadSamples() > 0, "samples: " + summary);
    assertTrue(summary.self().get(0).startsWith("JfrProfileTest.spin "), summary.self().toString());
    assertTrue(summary.describe().contains("hottest by own samples: JfrProfileTest.spin"), summary.describe());
  }

  @Test
  void aMissingRecordingIsNoProfileRatherThanAnEmptyOne(@TempDir Path dir) {
    assertTrue(JfrProfile.summarize(dir.resolve("none.jfr")).isEmpty());
  }

  /** About a second of CPU in one method, so the 10 ms sampler sees it many times. */
  private static void spin() {
    long end = System.nanoTime() + 1_000_000_000L;
    long x = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        x += Map.entry(i, x).hashCode();
      }
    }
    sink = x;
  }
}
