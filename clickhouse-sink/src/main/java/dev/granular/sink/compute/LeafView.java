package dev.granular.sink.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.List;

/** A criterion's leaves, found by kind, over the states read for one resolution. */
final class LeafView {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WorkspaceIndex index;
  private final LeafStates states;

  LeafView(WorkspaceIndex index, LeafStates states) {
    this.index = index;
    this.states = states;
  }

  WorkspaceIndex index() {
    return index;
  }

  LeafStates states() {
    return states;
  }

  /** The short id of the criterion's leaf of this kind; -1 if it reads none. */
  int leaf(Criterion criterion, LeafKind kind) {
    for (String id : criterion.leaves()) {
      if (index.leaves().get(id).kind() == kind) {
        return index.leafIds().get(id);
      }
    }
    return -1;
  }

  LeafStates.Latest latest(Criterion criterion, LeafKind kind, String user) {
    int leaf = leaf(criterion, kind);
    return leaf < 0 ? null : states.latest(leaf, user);
  }

  List<LeafStates.Entry> history(Criterion criterion, LeafKind kind, String user) {
    int leaf = leaf(criterion, kind);
    return leaf < 0 ? List.of() : states.history(leaf, user);
  }

  /** Whether the user has any event: a SEEN row (only criteria that need it read SEEN). */
  boolean known(Criterion criterion, String user) {
    return latest(criterion, LeafKind.SEEN, user) != null;
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a leaf state holds invalid JSON: " + text, e);
    }
  }
}
