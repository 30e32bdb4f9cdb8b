package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.PropertyCondition;
import dev.granular.sink.definitions.PropertyPath;
import dev.granular.sink.definitions.ValueTests;
import dev.granular.sink.definitions.ValueText;
import dev.granular.sink.events.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * The typed form of a leaf's input, for whoever writes leaf rows: ClickHouse 18.16 has no JSONPath
 * functions, so selection and value extraction happen in Java, with the same code the oracle uses.
 *
 * @param events    the event index part: type and name
 * @param filters   property filters on the event's properties (all must hold)
 * @param path      where the leaf's value is read (traits for identify leaves, properties for track
 *                  leaves); null for leaves without a value
 * @param skipNulls whether a JSON null is skipped (true) or is the value (false)
 */
public record LeafSource(EventFilter events, List<PropertyCondition> filters, PropertyPath path, boolean skipNulls) {

  public LeafSource {
    filters = List.copyOf(filters);
  }

  static LeafSource of(EventFilter events) {
    return new LeafSource(events, List.of(), null, false);
  }

  /** Whether the event feeds this leaf at all (before looking for a value). */
  public boolean selects(StoredEvent event, JsonNode properties) {
    return events.matches(event.type(), event.event()) && ValueTests.allMatch(filters, properties);
  }

  /**
   * The value this event contributes, read from its traits or properties; empty when absent, "" or (with
   * skipNulls) JSON null: such events do not change a value leaf.
   */
  public Optional<JsonNode> value(JsonNode traitsOrProperties) {
    if (path == null) {
      return Optional.empty();
    }
    return path.read(traitsOrProperties)
        .filter(v -> !ValueText.of(v).isEmpty() && !(skipNulls && v.isNull()));
  }
}
