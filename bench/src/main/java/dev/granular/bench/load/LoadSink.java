package dev.granular.bench.load;

import java.io.IOException;

/** Where generated records go: a topic or files. Definitions come first, so events meet their definitions. */
public interface LoadSink extends AutoCloseable {
  void definition(GeneratedDefinition definition) throws IOException;

  void event(GeneratedEvent event) throws IOException;

  /** Makes everything written durable (flushed to disk, acknowledged by the broker) or throws. */
  @Override
  void close() throws IOException;
}
