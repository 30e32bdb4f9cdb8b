package dev.granular.app.planner;

import dev.granular.avro.DefinitionUpdate;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;

/**
 * Everything the planner reads, co-partitioned by workspace. Java 17 has no pattern switch, so dispatch is a
 * visitor: a new kind of input does not compile until every {@link Handler} handles it.
 */
public sealed interface PlannerInput {
  <R> R accept(Handler<R> handler);

  /** A progress record is a workspace's count, or, without a workspace, an input partition's heartbeat. */
  static PlannerInput of(IngestProgress progress) {
    return progress.getWorkspaceId() == null
        ? new Watermark(progress.getInputPartition(), progress.getPartitionWatermarkMs())
        : new Progress(progress);
  }

  /** One method per kind of input. */
  interface Handler<R> {
    R tick(WorkspaceTick tick);

    R progress(IngestProgress progress);

    R result(TaskResult result);

    R definitions(DefinitionUpdate update);

    R watermark(Watermark watermark);
  }

  record Tick(WorkspaceTick tick) implements PlannerInput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.tick(tick);
    }
  }

  record Progress(IngestProgress progress) implements PlannerInput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.progress(progress);
    }
  }

  record Result(TaskResult result) implements PlannerInput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.result(result);
    }
  }

  record Definitions(DefinitionUpdate update) implements PlannerInput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.definitions(update);
    }
  }

  /** An input partition's heartbeat: every event it received with processing time <= watermarkMs is durable. */
  record Watermark(int inputPartition, long watermarkMs) implements PlannerInput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.watermark(this);
    }
  }
}
