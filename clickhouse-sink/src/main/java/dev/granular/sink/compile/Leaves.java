package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.EventPattern;
import dev.granular.sink.definitions.PropertyCondition;
import dev.granular.sink.definitions.PropertyPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Factories for the leaf vocabulary: each fixes a kind's spec and the events that feed it. */
final class Leaves {

  private Leaves() {
  }

  static Leaf seen() {
    return Leaf.of(LeafKind.SEEN, Specs.object(), LeafSource.of(EventFilter.ANY));
  }

  static Leaf identifyLast() {
    return Leaf.of(LeafKind.IDENTIFY_LAST, Specs.object(), LeafSource.of(EventFilter.IDENTIFY));
  }

  static Leaf anonymousId() {
    return Leaf.of(LeafKind.ANONYMOUS_ID, Specs.object(), LeafSource.of(EventFilter.ANY));
  }

  /** skipNulls: JSON null is not a value (AnyOf children); otherwise a null is the latest value. */
  static Leaf traitLast(PropertyPath path, boolean skipNulls) {
    ObjectNode spec = Specs.object().put("path", path.canonical()).put("skipNulls", skipNulls);
    return Leaf.of(LeafKind.TRAIT_LAST, spec, new LeafSource(EventFilter.IDENTIFY, List.of(), path, skipNulls));
  }

  static Leaf traitHistory(PropertyPath path) {
    return Leaf.of(LeafKind.TRAIT_HISTORY, Specs.object().put("path", path.canonical()),
        new LeafSource(EventFilter.IDENTIFY, List.of(), path, false));
  }

  static Leaf performedCount(EventPattern event, List<PropertyCondition> filters) {
    return Leaf.of(LeafKind.PERFORMED_COUNT, Specs.selector(event, filters), track(event, filters, null, false));
  }

  static Leaf performedTimes(EventPattern event, List<PropertyCondition> filters) {
    return Leaf.of(LeafKind.PERFORMED_TIMES, Specs.selector(event, filters), track(event, filters, null, false));
  }

  static Leaf lastEvent(EventPattern event, List<PropertyCondition> where) {
    return Leaf.of(LeafKind.LAST_EVENT, Specs.selector(event, where), track(event, where, null, false));
  }

  static Leaf eventLastValue(EventPattern event, List<PropertyCondition> filters, PropertyPath path,
      boolean skipNulls) {
    ObjectNode spec = Specs.selector(event, filters).put("path", path.canonical()).put("skipNulls", skipNulls);
    return Leaf.of(LeafKind.EVENT_LAST_VALUE, spec, track(event, filters, path, skipNulls));
  }

  private static LeafSource track(EventPattern event, List<PropertyCondition> filters, PropertyPath path,
      boolean skipNulls) {
    return new LeafSource(EventFilter.track(List.of(event)), filters, path, skipNulls);
  }

  static Leaf eventList(Set<String> names) {
    ObjectNode spec = Specs.object();
    new TreeSet<>(names).forEach(spec.putArray("events")::add);
    List<EventPattern> patterns = new TreeSet<>(names).stream()
        .map(name -> new EventPattern(EventPattern.Kind.EXACT, name)).toList();
    return Leaf.of(LeafKind.EVENT_LIST, spec, LeafSource.of(EventFilter.track(patterns)));
  }
}
