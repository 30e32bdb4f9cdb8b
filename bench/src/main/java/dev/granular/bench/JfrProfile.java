package dev.granular.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of the P2 app (JFR ships with the JDK), reduced to what BENCHMARKS.md shows: the stream
 * threads' hottest methods, by their own samples and with their callees, and where CPU went outside them (the JIT
 * compilers, the garbage collector).
 */
final class JfrProfile {
  /** Top methods as "Class.method 12.3%" for the report. */
  record Summary(long streamThreadSamples, List<String> self, List<String> inclusive, Duration jitTime, long compilations,
      Duration gcCpu) {
    String describe() {
      return String.format(Locale.ROOT, "P2 profile (JFR, settings=profile, the app's whole life): %,d execution samples on"
          + " the stream threads; hottest by own samples: %s; with callees: %s; outside them, the JIT compilers took %.1f s of"
          + " CPU (%,d compilations) and the garbage collector %.1f s", streamThreadSamples, String.join(", ", self),
          String.join(", ", inclusive), jitTime.toMillis() / 1000.0, compilations, gcCpu.toMillis() / 1000.0);
    }
  }

  private static final int TOP = 8;

  private JfrProfile() {}

  static List<String> flags(Path file) {
    return List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
  }

  /** Empty when the recording is missing or unreadable: the profile is a note, never a reason to fail P2. */
  static Optional<Summary> summarize(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    long samples = 0;
    Duration jit = Duration.ZERO;
    long compilations = 0;
    Duration gc = Duration.ZERO;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        switch (e.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            if (e.getThread("sampledThread") == null || !e.getThread("sampledThread").getJavaName().contains("StreamThread")
                || e.getStackTrace() == null) {
              continue;
            }
            samples++;
            count(e.getStackTrace(), self, inclusive);
          }
          case "jdk.CompilerStatistics" -> {
            jit = e.getDuration("totalTimeSpent"); // cumulative: the last one holds the whole life
            compilations = e.getLong("compileCount");
          }
          case "jdk.GCCPUTime" -> gc = gc.plus(Duration.ofNanos(e.getLong("userTime") + e.getLong("systemTime")));
          default -> { }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Summary(samples, top(self, samples), top(inclusive, samples), jit, compilations, gc));
  }

  private static void count(RecordedStackTrace stack, Map<String, Long> self, Map<String, Long> inclusive) {
    List<RecordedFrame> frames = stack.getFrames();
    if (frames.isEmpty()) {
      return;
    }
    self.merge(name(frames.get(0)), 1L, Long::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame f : frames) {
      String name = name(f);
      if (seen.add(name) && (name.startsWith("dev.granular") || name.contains("Serde") || name.contains("Producer.send")
          || name.contains("Consumer.poll") || name.contains("jackson"))) {
        inclusive.merge(name, 1L, Long::sum);
      }
    }
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static List<String> top(Map<String, Long> counts, long total) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP).map(e -> String.format(Locale.ROOT, "%s %.1f%%", shortName(e.getKey()), 100.0 * e.getValue() / Math.max(1, total)))
        .collect(Collectors.toList());
  }

  /** The simple class name and method: packages make the note unreadable. */
  private static String shortName(String qualified) {
    int method = qualified.lastIndexOf('.');
    int type = qualified.lastIndexOf('.', method - 1);
    return qualified.substring(type + 1);
  }
}
