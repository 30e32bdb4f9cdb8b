package dev.granular.avro.codec;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (marker C3 01, 8-byte schema fingerprint, body) for one generated record type.
 * Without a schema registry the fingerprint is what lets a reader pick the writer's schema; every past
 * version from {@link SchemaHistory} is registered so old messages are resolved into the current class.
 */
public final class AvroCodec<T extends SpecificRecord> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    for (Schema old : SchemaHistory.versionsOf(current.getFullName())) {
      decoder.addSchema(old);
    }
  }

  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(type);
  }

  /** Lets tests and migrations register a writer schema that is not (yet) in the history folder. */
  public void addWriterSchema(Schema writer) {
    decoder.addSchema(writer);
  }

  public byte[] encode(T record) {
    // Avro's own buffer is a synchronized ByteArrayOutputStream written a few bytes at a time by its direct
    // encoder; the lock on every write made encoding a planner state most of the planner's cost (P4).
    try (UnsynchronizedByteArrayOutputStream out = UnsynchronizedByteArrayOutputStream.builder().setBufferSize(256).get()) {
      encoder.encode(record, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AvroEncodingException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /** @throws AvroEncodingException when the bytes are not a known single-object encoding of this type */
  public T decode(byte[] bytes) {
    try {
      return decoder.decode(UnsynchronizedByteArrayInputStream.builder().setByteArray(bytes).get());
    } catch (IOException | AvroRuntimeException e) {
      throw new AvroEncodingException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** True when the bytes start with the single-object marker; JSON never does. */
  public static boolean looksLikeSingleObject(byte[] bytes) {
    return bytes != null && bytes.length >= 10 && bytes[0] == (byte) 0xC3 && bytes[1] == (byte) 0x01;
  }

  /** Unchecked, so Kafka serdes can throw it as is. */
  public static final class AvroEncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AvroEncodingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
