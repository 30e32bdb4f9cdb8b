package dev.granular.sink.compute;

import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.scenario.Evaluation;
import dev.granular.sink.scenario.ScratchDatabase;
import dev.granular.sink.scenario.TestServer;

/** A scratch database on the real server with the engine, the reader and the event writer over it. */
record EngineFixture(ScratchDatabase database, ComputeEngine engine, AssignmentReader reader, EventBatchWriter writer)
    implements AutoCloseable {

  static EngineFixture open(String databasePrefix) {
    ScratchDatabase database = TestServer.scratch(databasePrefix);
    return new EngineFixture(database, new ComputeEngine(database.clickHouse(), Evaluation.RETRY),
        new AssignmentReader(database.clickHouse(), Evaluation.RETRY), new EventBatchWriter(database.clickHouse(), Evaluation.RETRY));
  }

  @Override
  public void close() {
    database.close();
  }
}
