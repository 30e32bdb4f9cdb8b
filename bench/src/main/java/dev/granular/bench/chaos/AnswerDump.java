package dev.granular.bench.chaos;

import dev.granular.fixtures.ChangeAudit;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.AssignmentReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every workspace's final answers as the app reads them (segment members, user-property values), dumped as
 * sorted lines and hashed: two runs of the same load agree exactly when their hashes do.
 */
record AnswerDump(List<String> sorted, String sha256, Map<ChangeAudit.Key, String> answers) {

  long lines() {
    return sorted.size();
  }

  /** The sorted lines, for a diff when two runs disagree. */
  void write(java.nio.file.Path file) throws java.io.IOException {
    java.nio.file.Files.write(file, sorted, StandardCharsets.UTF_8);
  }

  static AnswerDump of(ClickHouse clickHouse, List<String> workspaces) {
    AssignmentReader reader = new AssignmentReader(clickHouse, new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2),
        Duration.ofSeconds(60)));
    List<String> lines = new ArrayList<>();
    Map<ChangeAudit.Key, String> answers = new HashMap<>();
    for (String w : workspaces) {
      AssignmentReader.Snapshot s = reader.snapshot(w);
      s.members().forEach((segment, users) -> users.forEach(u -> {
        lines.add(w + "\tsegment\t" + segment + "\t" + u);
        answers.put(new ChangeAudit.Key(w, u, segment), "true");
      }));
      s.values().forEach((property, values) -> values.forEach((u, v) -> {
        lines.add(w + "\tproperty\t" + property + "\t" + u + "\t" + v);
        answers.put(new ChangeAudit.Key(w, u, property), v.toString());
      }));
    }
    lines.sort(null);
    return new AnswerDump(List.copyOf(lines), sha256(lines), answers);
  }

  private static String sha256(List<String> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
