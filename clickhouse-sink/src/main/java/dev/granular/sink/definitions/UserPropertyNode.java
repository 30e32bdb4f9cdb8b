package dev.granular.sink.definitions;

import java.util.List;
import java.util.Set;

/** A node of a Dittofeed UserPropertyDefinition (the Group wrapper is unfolded into its entry node). */
public sealed interface UserPropertyNode {

  /** The user's id (userId, or anonymousId for anonymous users). */
  record Id() implements UserPropertyNode {
  }

  /** The anonymousId of the user's latest event that carries one. */
  record AnonymousId() implements UserPropertyNode {
  }

  /** The latest identify trait value at {@code path}; an invalid path never yields a value. */
  record Trait(String id, PropertyPath path) implements UserPropertyNode {
  }

  /**
   * The value at {@code path} of the latest matching track event that has one. Conditions are Equals only
   * (Dittofeed's UserPropertyOperator). {@code skipReCompute}: never computed from events.
   */
  record Performed(String id, EventPattern event, PropertyPath path, boolean skipReCompute,
      List<PropertyCondition> properties) implements UserPropertyNode {

    public Performed {
      properties = List.copyOf(properties);
    }
  }

  /** The first child, in order, that has a value (JSON null counts as no value). */
  record AnyOf(String id, List<String> children) implements UserPropertyNode {

    public AnyOf {
      children = List.copyOf(children);
    }
  }

  /** All track events named exactly one of {@code events}, newest first, as {event, timestamp, properties}. */
  record PerformedMany(Set<String> events) implements UserPropertyNode {

    public PerformedMany {
      events = Set.copyOf(events);
    }
  }
}
