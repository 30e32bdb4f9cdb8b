package dev.granular.bench.chaos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds a class's records: unique keys, and JSON with raw bytes spliced in where no string can hold them. */
final class RecordMaker {
  /** Where {@link #splice} puts the raw bytes. */
  static final String MARK = "@@raw@@";

  private RecordMaker() {}

  /** Events keyed "runId/class/i": the ingest ignores keys, and a dead letter keeps its key. */
  static BadInputClass events(String runId, String name, Expected expected, List<byte[]> values, StoredCheck stored) {
    List<BadRecord> records = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      records.add(new BadRecord(name, expected, BadRecord.Target.USER_EVENTS, utf8(runId + "/" + name + "/" + i), values.get(i)));
    }
    return new BadInputClass(name, expected, records, stored);
  }

  /** Definitions given as (key, value) pairs: the key is part of what is under test. */
  static BadInputClass definitions(String name, Expected expected, List<byte[][]> keyValues, StoredCheck stored) {
    List<BadRecord> records = new ArrayList<>();
    for (byte[][] kv : keyValues) {
      records.add(new BadRecord(name, expected, BadRecord.Target.DEFINITIONS, kv[0], kv[1]));
    }
    return new BadInputClass(name, expected, records, stored);
  }

  static byte[][] keyValue(String key, String value) {
    return new byte[][] {utf8(key), utf8(value)};
  }

  static byte[][] keyValue(String key, byte[] value) {
    return new byte[][] {utf8(key), value};
  }

  /** {@code json} (which holds {@link #MARK} once) as UTF-8, with {@code raw} in place of the mark. */
  static byte[] splice(String json, int... raw) {
    int at = json.indexOf(MARK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(json.substring(0, at)));
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(utf8(json.substring(at + MARK.length())));
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
