package dev.granular.bench.chaos;

import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.sink.client.ClickHouse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Judges one run of the catalogue from what came back: the two dead-letter topics (read committed) and ClickHouse.
 * A dead-letter class passes when every one of its records is on its topic, byte for byte, and every dead letter of
 * it carries the expected reason; more copies than sent are allowed (at-least-once replays). An accepted class
 * passes when none of its records was dead-lettered and ClickHouse holds (or answers) it verbatim.
 * Dead letters of records outside the catalogue are ignored.
 */
public final class BadInputCheck {
  private BadInputCheck() {}

  /** As {@link #check(List, List, List, ClickHouse)} for the catalogue of {@code runId}. */
  public static List<ClassOutcome> check(String runId, List<ConsumerRecord<byte[], byte[]>> eventDeadLetters,
      List<ConsumerRecord<byte[], byte[]>> definitionDeadLetters, ClickHouse clickHouse) {
    return check(BadInputs.classes(runId), eventDeadLetters, definitionDeadLetters, clickHouse);
  }

  public static List<ClassOutcome> check(List<BadInputClass> classes, List<ConsumerRecord<byte[], byte[]>> eventDeadLetters,
      List<ConsumerRecord<byte[], byte[]>> definitionDeadLetters, ClickHouse clickHouse) {
    Map<BadRecord.Target, Map<String, BadRecord>> byKey = new HashMap<>();
    for (BadInputClass c : classes) {
      for (BadRecord r : c.records()) {
        byKey.computeIfAbsent(r.target(), t -> new HashMap<>()).put(key(r.key()), r);
      }
    }
    Map<String, Tally> tallies = new HashMap<>();
    tally(eventDeadLetters, byKey.getOrDefault(BadRecord.Target.USER_EVENTS, Map.of()), tallies);
    tally(definitionDeadLetters, byKey.getOrDefault(BadRecord.Target.DEFINITIONS, Map.of()), tallies);
    List<ClassOutcome> outcomes = new ArrayList<>();
    for (BadInputClass c : classes) {
      outcomes.add(judge(c, tallies.getOrDefault(c.name(), new Tally()), clickHouse));
    }
    return outcomes;
  }

  /** Dead letters of one class: how many, their reasons, the records seen intact, and what did not match. */
  private static final class Tally {
    int count;
    final Set<String> reasons = new TreeSet<>();
    final Set<String> intact = new HashSet<>();
    final List<String> problems = new ArrayList<>();
  }

  private static void tally(List<ConsumerRecord<byte[], byte[]>> deadLetters, Map<String, BadRecord> byKey,
      Map<String, Tally> tallies) {
    for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
      String key = key(letter.key());
      BadRecord sent = byKey.get(key);
      if (sent == null) {
        continue;
      }
      Tally tally = tallies.computeIfAbsent(sent.className(), n -> new Tally());
      tally.count++;
      Header reason = letter.headers().lastHeader(DeadLetterHeaders.REASON);
      String code = reason == null ? "(no reason header)" : new String(reason.value(), StandardCharsets.UTF_8);
      tally.reasons.add(code);
      if (Arrays.equals(sent.value(), letter.value())) {
        tally.intact.add(key);
      } else {
        tally.problems.add("altered bytes (" + length(letter.value()) + " read, " + length(sent.value()) + " sent)");
      }
    }
  }

  private static ClassOutcome judge(BadInputClass c, Tally tally, ClickHouse clickHouse) {
    List<String> problems = new ArrayList<>(tally.problems);
    if (c.expected().deadLettered()) {
      long missing = c.records().stream().filter(r -> !tally.intact.contains(key(r.key()))).count();
      if (missing > 0) {
        problems.add(missing + " of " + c.records().size() + " not dead-lettered intact");
      }
      if (!tally.reasons.isEmpty() && !tally.reasons.equals(Set.of(c.expected().reason()))) {
        problems.add("reasons " + tally.reasons + ", expected " + c.expected().reason());
      }
    } else {
      if (tally.count > 0) {
        problems.add(tally.count + " dead-lettered with " + tally.reasons);
      }
      try {
        c.stored().problem(clickHouse).ifPresent(problems::add);
      } catch (RuntimeException e) {
        problems.add("cannot check ClickHouse: " + e.getMessage());
      }
    }
    return new ClassOutcome(c.name(), c.expected().toString(), c.records().size(), tally.count, tally.reasons,
        problems.isEmpty(), String.join("; ", problems));
  }

  /** Keys compared as bytes; Latin-1 maps each byte to one char and back. */
  private static String key(byte[] key) {
    return key == null ? "" : new String(key, StandardCharsets.ISO_8859_1);
  }

  private static int length(byte[] value) {
    return value == null ? 0 : value.length;
  }

  /** The outcomes as a Markdown table, e.g. for RELIABILITY.md. */
  public static String table(List<ClassOutcome> outcomes) {
    StringBuilder out = new StringBuilder("| class | expected | sent | dead-lettered | reasons | ok |\n|---|---|---|---|---|---|\n");
    for (ClassOutcome o : outcomes) {
      out.append("| ").append(o.name()).append(" | ").append(o.expected()).append(" | ").append(o.sent()).append(" | ")
          .append(o.deadLettered()).append(" | ").append(String.join(", ", o.reasons())).append(" | ")
          .append(o.ok() ? "yes" : "**no**: " + o.detail()).append(" |\n");
    }
    return out.toString();
  }
}
