package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir
  Path dir;

  private static LoadConfig config(long seed) {
    return LoadConfig.builder().seed(seed).smallWorkspaces(5).eventsPerWorkspace(2_000).whaleFactor(5)
        .invalidRate(0.01).build();
  }

  private Path write(String name, LoadConfig config) throws IOException {
    Path out = dir.resolve(name);
    try (JsonLinesSink sink = new JsonLinesSink(out)) {
      LoadRun.write(new LoadGenerator(config), sink);
    }
    return out;
  }

  private static long mismatch(Path a, Path b, String file) throws IOException {
    return Files.mismatch(a.resolve(file), b.resolve(file));
  }

  @Test
  void theSameSeedGivesByteIdenticalFiles() throws IOException {
    Path first = write("a", config(11));
    Path second = write("b", config(11));
    assertEquals(-1, mismatch(first, second, JsonLinesSink.EVENTS_FILE));
    assertEquals(-1, mismatch(first, second, JsonLinesSink.DEFINITIONS_FILE));
    assertEquals(20_000, Files.readAllLines(first.resolve(JsonLinesSink.EVENTS_FILE)).size());
  }

  @Test
  void anotherSeedGivesOtherEventsAndOtherDefinitions() throws IOException {
    Path first = write("a", config(11));
    Path other = write("c", LoadConfig.builder().seed(12).runId("load-11").smallWorkspaces(5).eventsPerWorkspace(2_000)
        .whaleFactor(5).invalidRate(0.01).build()); // same messageId prefix: the content itself must differ
    assertNotEquals(-1, mismatch(first, other, JsonLinesSink.EVENTS_FILE));
    assertNotEquals(-1, mismatch(first, other, JsonLinesSink.DEFINITIONS_FILE));
  }

  @Test
  void eachPassOverTheEventsStartsAfresh() {
    LoadGenerator generator = new LoadGenerator(config(3));
    assertEquals(LoadFixture.materialise(generator.events()), LoadFixture.materialise(generator.events()));
    assertEquals(generator.definitions(), generator.definitions());
  }

  @Test
  void addingAWorkspaceLeavesTheOthersUnchanged() {
    LoadConfig five = config(5);
    LoadConfig six = LoadConfig.builder().seed(5).smallWorkspaces(6).eventsPerWorkspace(2_000).whaleFactor(5)
        .invalidRate(0.01).build();
    var firstFive = LoadFixture.materialise(new LoadGenerator(five).events()).stream()
        .filter(e -> e.workspaceId().equals("ws-003")).toList();
    var firstSix = LoadFixture.materialise(new LoadGenerator(six).events()).stream()
        .filter(e -> e.workspaceId().equals("ws-003")).toList();
    assertEquals(firstFive, firstSix);
  }
}
