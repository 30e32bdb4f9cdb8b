package dev.granular.sink.compute;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An append-only sequence that keeps its first {@code inMemory} items in memory and spills the rest to a temp
 * file, so that what a compute collects (a whale's users, a first compute's changes) costs disk, not heap.
 * Closing deletes the file. Not thread-safe: one task fills it, then one reader reads it.
 */
public final class Spool<T> implements Iterable<T>, AutoCloseable {
  /** Items kept in memory before the spool spills: small tasks never touch the disk. */
  public static final int IN_MEMORY = 20_000;

  /** How an item is written to and read from the spill file. */
  public interface Codec<T> {
    void write(DataOutput out, T item) throws IOException;

    T read(DataInput in) throws IOException;
  }

  private final Codec<T> codec;
  private final int inMemory;
  private final List<T> head = new ArrayList<>();
  private Path file;
  private DataOutputStream out;
  private long size;

  public Spool(Codec<T> codec, int inMemory) {
    this.codec = codec;
    this.inMemory = inMemory;
  }

  public void add(T item) {
    size++;
    if (head.size() < inMemory) {
      head.add(item);
      return;
    }
    try {
      if (out == null) {
        file = Files.createTempFile("granular-spool-", ".bin");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      }
      codec.write(out, item);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill to " + file, e);
    }
  }

  public long size() {
    return size;
  }

  /** Whether any item went to disk (for tests and metrics). */
  public boolean spilled() {
    return file != null;
  }

  /** Empties it, for a statement retried from the start. */
  public void clear() {
    close();
    head.clear();
    size = 0;
  }

  @Override
  public Iterator<T> iterator() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot flush " + file, e);
      }
    }
    Iterator<T> memory = head.iterator();
    long onDisk = size - head.size();
    return new Iterator<>() {
      private long read;
      private DataInputStream in;

      @Override
      public boolean hasNext() {
        return memory.hasNext() || read < onDisk;
      }

      @Override
      public T next() {
        if (memory.hasNext()) {
          return memory.next();
        }
        if (read >= onDisk) {
          throw new NoSuchElementException();
        }
        try {
          if (in == null) {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          }
          T item = codec.read(in);
          if (++read == onDisk) {
            in.close();
          }
          return item;
        } catch (EOFException e) {
          throw new IllegalStateException("spool file " + file + " ended after " + read + " of " + onDisk + " items", e);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    };
  }

  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    } finally {
      out = null;
      file = null;
    }
  }

  /** A nullable string: its UTF-8 length (-1 for null), then its bytes; no 64 KB limit as in writeUTF. */
  public static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Strings, such as user ids. */
  public static final Codec<String> STRINGS = new Codec<>() {
    @Override
    public void write(DataOutput out, String item) throws IOException {
      writeString(out, item);
    }

    @Override
    public String read(DataInput in) throws IOException {
      return readString(in);
    }
  };
}
