package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.definitions.DefinitionsValidateProcessor;
import dev.granular.app.planner.RejectedDefinitionProcessor;
import dev.granular.app.dlq.Checked;
import dev.granular.app.support.GlobalCopy;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.planner.Planner;
import dev.granular.app.planner.PlannerInput;
import dev.granular.app.planner.PlannerOutput;
import dev.granular.app.planner.PlannerRoute;
import dev.granular.app.planner.PlannerProcessor;
import dev.granular.app.planner.PlannerSettings;
import dev.granular.app.sink.ComputeSinkProcessor;
import dev.granular.app.sink.SinkOutput;
import dev.granular.app.sink.SinkRoute;
import dev.granular.app.sink.TaskWork;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.DefinitionUpdate;
import dev.granular.avro.codec.AvroCodec;
import dev.granular.sink.events.EventSink;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the production compute topology: definitions, planner and compute sink ({@link StreamsRole#COMPUTE}); the
 * events reach it as progress from {@link IngestTopology}. Kept apart from main and config loading so tests build
 * exactly this. Every processor, store and topic is named (the app sets ensure.explicit.internal.resource.naming).
 */
public final class GranularTopology {
  /**
   * What the topologies need from outside Kafka: where events become durable (ingest), how tasks run (compute),
   * the clock, metrics, and how many partitions the input topic has (the planner waits for each one's watermark).
   */
  public record Dependencies(Supplier<EventSink> eventSinks, Supplier<TaskWork> taskWork, LongSupplier wallClock,
      GranularMetrics metrics, int inputPartitions) {}

  private GranularTopology() {}

  public static Topology build(AppConfig config, Dependencies deps) {
    Topics topics = new Topics(config.topics());
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsRole.COMPUTE.properties(config))));
    KStream<String, DefinitionUpdate> definitions = definitions(builder, config, topics, deps);
    builder.addStateStore(Stores.workspaceDefinitions());
    builder.addGlobalStore(Stores.sharedDefinitions(), topics.workspaceDefinitions.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("shared-definitions-update"),
        () -> new GlobalCopy<>(Stores.SHARED_DEFINITIONS, AvroCodec.of(WorkspaceDefinitions.class)::decode));
    planner(builder, config, topics, deps, definitions);
    computeSink(builder, config, topics, deps);
    return builder.build();
  }

  private static KStream<String, DefinitionUpdate> definitions(StreamsBuilder builder, AppConfig config, Topics topics,
      Dependencies deps) {
    KStream<byte[], Checked<DefinitionUpdate>> valid = DeadLetterRoute.valid(builder
        .stream(topics.definitions.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("definitions-source"))
        .process(() -> new DefinitionsValidateProcessor(deps.metrics().deadLetters()), Named.as("definitions-validate")),
        "definitions", topics.definitionsDlq.name(), "definitions-dlq-sink");
    return valid
        .map((key, value) -> KeyValue.pair(value.value().getWorkspaceId(), value.value()), Named.as("definitions-key-by-workspace"))
        .repartition(Repartitioned.<String, DefinitionUpdate>as("definitions-by-workspace")
            .withKeySerde(Serdes.String()).withValueSerde(Topics.definitionUpdateSerde())
            .withNumberOfPartitions(config.kafka().partitions()));
  }

  private static void planner(StreamsBuilder builder, AppConfig config, Topics topics, Dependencies deps,
      KStream<String, DefinitionUpdate> definitions) {
    AppConfig.PlannerSettings p = config.planner();
    Planner planner = new Planner(PlannerSettings.from(p, config.kafka().partitions()));
    KStream<String, PlannerInput> inputs = builder
        .stream(topics.workspaceTicks.name(), Consumed.with(Serdes.String(), topics.workspaceTicks.valueSerde()).withName("ticks-source"))
        .mapValues(v -> (PlannerInput) new PlannerInput.Tick(v), Named.as("planner-input-ticks"))
        .merge(builder.stream(topics.ingestProgress.name(), Consumed.with(Serdes.String(), topics.ingestProgress.valueSerde())
                .withName("progress-source")).mapValues(PlannerInput::of, Named.as("planner-input-progress")),
            Named.as("planner-merge-progress"))
        .merge(builder.stream(topics.computeTaskResults.name(), Consumed.with(Serdes.String(), topics.computeTaskResults.valueSerde())
                .withName("results-source")).mapValues(v -> (PlannerInput) new PlannerInput.Result(v), Named.as("planner-input-results")),
            Named.as("planner-merge-results"))
        .merge(definitions.mapValues(v -> (PlannerInput) new PlannerInput.Definitions(v), Named.as("planner-input-definitions")),
            Named.as("planner-merge-definitions"));
    builder.addStateStore(Stores.plannerState());
    builder.addStateStore(Stores.inputWatermarks());
    builder.addStateStore(Stores.compiledWorkspaces(deps.metrics().planner()::compiled));
    Map<String, KStream<String, PlannerOutput>> out = inputs
        .process(() -> new PlannerProcessor(planner, deps.metrics().planner(), p.schedulerInterval(), Stores.PLANNER_STATE,
            Stores.WORKSPACE_DEFINITIONS, Stores.COMPILED_WORKSPACES, Stores.INPUT_WATERMARKS, deps.inputPartitions()),
            Named.as("planner"), Stores.PLANNER_STATE, Stores.WORKSPACE_DEFINITIONS, Stores.COMPILED_WORKSPACES, Stores.INPUT_WATERMARKS)
        .split(Named.as("planner-route-"))
        // Every output has exactly one route (PlannerRoute is an exhaustive visitor), so no default branch.
        .branch((k, v) -> PlannerRoute.PRIORITY.takes(v), Branched.as(PlannerRoute.PRIORITY.branch()))
        .branch((k, v) -> PlannerRoute.NORMAL.takes(v), Branched.as(PlannerRoute.NORMAL.branch()))
        .branch((k, v) -> PlannerRoute.TICK.takes(v), Branched.as(PlannerRoute.TICK.branch()))
        .branch((k, v) -> PlannerRoute.REJECTED_DEFINITION.takes(v), Branched.as(PlannerRoute.REJECTED_DEFINITION.branch()))
        .branch((k, v) -> PlannerRoute.PARKED.takes(v), Branched.as(PlannerRoute.PARKED.branch()))
        .branch((k, v) -> PlannerRoute.DEFINITIONS.takes(v), Branched.as(PlannerRoute.DEFINITIONS.branch()))
        .noDefaultBranch();
    out.get("planner-route-priority").mapValues(PlannerRoute::task, Named.as("planner-priority-task"))
        .to(topics.computeTasksPriority.name(), Produced.with(Serdes.String(), topics.computeTasksPriority.valueSerde())
            // A part goes to the lane the planner chose (any partition's sink can run it), else by workspace.
            .withStreamPartitioner((topic, workspace, task, partitions) -> task.getLane() < 0 ? Optional.empty()
                : Optional.of(Set.of(task.getLane() % partitions)))
            .withName("compute-tasks-priority-sink"));
    out.get("planner-route-normal").mapValues(PlannerRoute::task, Named.as("planner-normal-task"))
        .to(topics.computeTasks.name(), Produced.with(Serdes.String(), topics.computeTasks.valueSerde()).withName("compute-tasks-sink"));
    out.get("planner-route-tick").mapValues(PlannerRoute::tick, Named.as("scheduler-tick"))
        .to(topics.workspaceTicks.name(), Produced.with(Serdes.String(), topics.workspaceTicks.valueSerde()).withName("scheduler-ticks-sink"));
    out.get("planner-route-rejected-definition")
        .process(() -> new RejectedDefinitionProcessor(deps.metrics().deadLetters()), Named.as("planner-rejected-definition"))
        .to(topics.definitionsDlq.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("workspace-definitions-dlq-sink"));
    out.get("planner-route-definitions").mapValues(PlannerRoute::definitions, Named.as("planner-stored-definitions"))
        .to(topics.workspaceDefinitions.name(), Produced.with(Serdes.String(), topics.workspaceDefinitions.valueSerde())
            .withName("workspace-definitions-sink"));
    AvroCodec<ComputeTask> codec = AvroCodec.of(ComputeTask.class);
    out.get("planner-route-parked").mapValues(v -> codec.encode(PlannerRoute.parked(v).task()), Named.as("planner-parked-task"))
        .to(topics.computeTasksDlq.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("parked-tasks-dlq-sink"));
  }

  private static void computeSink(StreamsBuilder builder, AppConfig config, Topics topics, Dependencies deps) {
    builder.addStateStore(Stores.sinkSlots(config.planner().sinkConcurrencyPerPartition(), config.planner().sinkMaxBatch(),
        deps.taskWork(), deps.metrics().sink(), deps.wallClock()));
    builder.addStateStore(Stores.sinkUnreported());
    Map<String, KStream<String, SinkOutput>> out = builder
        .stream(topics.computeTasksPriority.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("priority-tasks-source"))
        .merge(builder.stream(topics.computeTasks.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("tasks-source")),
            Named.as("sink-merge-tasks"))
        .process(() -> new ComputeSinkProcessor(Stores.SINK_SLOTS, Stores.SINK_UNREPORTED, Stores.WORKSPACE_DEFINITIONS,
            Stores.SHARED_DEFINITIONS, Stores.COMPILED_WORKSPACES, deps.metrics().deadLetters()),
            Named.as("compute-sink"),
            Stores.SINK_SLOTS, Stores.SINK_UNREPORTED, Stores.WORKSPACE_DEFINITIONS, Stores.COMPILED_WORKSPACES)
        .split(Named.as("sink-route-"))
        .branch((k, v) -> SinkRoute.RESULT.takes(v), Branched.as(SinkRoute.RESULT.branch()))
        .branch((k, v) -> SinkRoute.CHANGE.takes(v), Branched.as(SinkRoute.CHANGE.branch()))
        .branch((k, v) -> SinkRoute.POISON.takes(v), Branched.as(SinkRoute.POISON.branch()))
        .noDefaultBranch();
    out.get("sink-route-result").mapValues(SinkRoute::result, Named.as("sink-result"))
        .to(topics.computeTaskResults.name(), Produced.with(Serdes.String(), topics.computeTaskResults.valueSerde())
            .withName("results-sink"));
    out.get("sink-route-change").mapValues(SinkRoute::change, Named.as("sink-change"))
        .to(topics.assignments.name(), Produced.with(Serdes.String(), topics.assignments.valueSerde()).withName("assignments-sink"));
    out.get("sink-route-poison").mapValues(SinkRoute::poison, Named.as("sink-poison-task"))
        .to(topics.computeTasksDlq.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("poison-tasks-dlq-sink"));
  }
}
