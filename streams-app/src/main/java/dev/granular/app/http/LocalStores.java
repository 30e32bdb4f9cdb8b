package dev.granular.app.http;

import dev.granular.app.topology.Stores;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceDefinitions;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's planner-state and workspace-definitions stores, read with interactive queries. */
record LocalStores(KafkaStreams streams) {

  PlannerState state(String workspace) {
    return plannerState().get(workspace);
  }

  WorkspaceDefinitions definitions(String workspace) {
    return store(Stores.WORKSPACE_DEFINITIONS, WorkspaceDefinitions.class).get(workspace);
  }

  /** Every workspace whose partition is active here. */
  List<PlannerState> states() {
    List<PlannerState> out = new ArrayList<>();
    try (KeyValueIterator<String, PlannerState> all = plannerState().all()) {
      all.forEachRemaining(kv -> out.add(kv.value));
    } catch (InvalidStateStoreException e) {
      throw ApiError.unavailable("stores not ready: " + e.getMessage());
    }
    return out;
  }

  private ReadOnlyKeyValueStore<String, PlannerState> plannerState() {
    return store(Stores.PLANNER_STATE, PlannerState.class);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, Class<V> values) {
    Instances.requireRunning(streams);
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      // Migrating or restoring: the store exists again once the rebalance settles.
      throw ApiError.unavailable("store " + name + " not ready: " + e.getMessage());
    }
  }
}
