package dev.granular.avro.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.avro.EventType;
import dev.granular.avro.UserEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

  @Test
  void roundTripsWithFingerprintHeader() {
    UserEvent event = UserEvent.newBuilder().setWorkspaceId("w").setMessageId("m1").setType(EventType.track)
        .setUserId("u1").setEvent("Bought").setPropertiesJson("{\"sku\":\"x\"}").setTimestampMs(1234L).build();
    byte[] bytes = codec.encode(event);
    assertTrue(AvroCodec.looksLikeSingleObject(bytes));
    assertEquals(event, codec.decode(bytes));
    assertArrayEquals(bytes, codec.encode(codec.decode(bytes)));
  }

  @Test
  void resolvesAnOlderWriterSchemaByFingerprint() throws IOException {
    // An imagined v0 without anonymousId/traitsJson: the reader fills in the defaults.
    Schema v0 = new Schema.Parser().parse(getClass().getResourceAsStream("/UserEvent.v0-test.avsc"));
    GenericRecord old = new GenericData.Record(v0);
    old.put("workspaceId", "w");
    old.put("messageId", "m-old");
    old.put("type", new GenericData.EnumSymbol(v0.getField("type").schema(), "identify"));
    old.put("userId", "u");
    old.put("timestampMs", 99L);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();

    assertThrows(AvroCodec.AvroEncodingException.class, () -> codec.decode(bytes));
    AvroCodec<UserEvent> withHistory = AvroCodec.of(UserEvent.class);
    withHistory.addWriterSchema(v0);
    UserEvent decoded = withHistory.decode(bytes);
    assertEquals("m-old", decoded.getMessageId());
    assertEquals(EventType.identify, decoded.getType());
    assertNull(decoded.getTraitsJson());
  }

  @Test
  void jsonIsNotMistakenForAvro() {
    assertFalse(AvroCodec.looksLikeSingleObject("{\"workspaceId\":\"w\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(AvroCodec.AvroEncodingException.class, () -> codec.decode(new byte[] {(byte) 0xC3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5}));
  }

  @Test
  void everyHistoryFileIsIndexedAndTheCurrentSchemaIsAmongThem() throws IOException {
    Path dir = Path.of("src/main/avro/history");
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(dir)) {
      onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).collect(Collectors.toSet());
    }
    assertEquals(onDisk, Set.copyOf(SchemaHistory.index()));
    // Single-object encoding fingerprints the parsing canonical form, so that is what must match.
    for (org.apache.avro.Schema schema : List.of(UserEvent.getClassSchema(), dev.granular.avro.IngestProgress.getClassSchema(),
        dev.granular.avro.WorkspaceTick.getClassSchema(), dev.granular.avro.ComputeTask.getClassSchema(),
        dev.granular.avro.TaskResult.getClassSchema(), dev.granular.avro.AssignmentChange.getClassSchema(),
        dev.granular.avro.PlannerState.getClassSchema(), dev.granular.avro.WorkspaceDefinitions.getClassSchema(),
        dev.granular.avro.DefinitionUpdate.getClassSchema())) {
      long current = SchemaNormalization.parsingFingerprint64(schema);
      assertTrue(SchemaHistory.versionsOf(schema.getFullName()).stream()
              .anyMatch(s -> SchemaNormalization.parsingFingerprint64(s) == current),
          "the current " + schema.getName() + " schema must be copied into history/ before it is used on a topic or store");
    }
  }
}
