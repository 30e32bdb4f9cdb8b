package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.sink.client.ClickHouse;

/** Runs compute tasks on the clickhouse-sink compute engine. */
public final class EngineTaskWork implements TaskWork {
  private final ClickHouse clickHouse;

  public EngineTaskWork(ClickHouse clickHouse) {
    this.clickHouse = clickHouse;
  }

  @Override
  public Outcome run(ComputeTask task, CompiledWorkspace workspace) {
    throw new UnsupportedOperationException("compute engine not wired yet for " + clickHouse.database());
  }
}
