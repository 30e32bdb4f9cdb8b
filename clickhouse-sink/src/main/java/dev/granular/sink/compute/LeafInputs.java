package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.compile.CanonicalJson;
import dev.granular.sink.compile.Leaf;
import dev.granular.sink.compile.LeafSource;
import dev.granular.sink.definitions.Timestamps;
import dev.granular.sink.definitions.ValueText;
import dev.granular.sink.events.StoredEvent;
import java.util.Optional;

/**
 * What one event contributes to one leaf (LEAVES.md, "Leaf kinds"). Selection and value extraction are
 * {@link LeafSource}'s, the code the oracle uses too, so both read an event the same way.
 */
final class LeafInputs {

  private LeafInputs() {
  }

  static void add(Leaf leaf, int leafId, ParsedEvent event, LeafInputRows rows) {
    LeafSource source = leaf.source();
    if (!source.selects(event.stored(), event.properties())) {
      return;
    }
    StoredEvent e = event.stored();
    String user = e.subjectId();
    long time = e.eventTimeMs();
    String id = e.messageId();
    switch (leaf.kind()) {
      case SEEN, IDENTIFY_LAST -> rows.latest(leafId, user, time, id, "", "", LeafInputRows.NO_TIME);
      case TRAIT_LAST -> source.value(event.traits()).ifPresent(v -> {
        Long at = Timestamps.parseMs(ValueText.of(v)); // kept so SQL can find Within predicates about to expire
        rows.latest(leafId, user, time, id, ValueText.of(v), CanonicalJson.write(v), at == null ? LeafInputRows.NO_TIME : at);
      });
      case TRAIT_HISTORY -> source.value(event.traits()).ifPresent(v -> rows.history(leafId, user, time, id, ValueText.of(v)));
      case PERFORMED_COUNT -> rows.count(leafId, user, 0, id);
      case PERFORMED_TIMES -> rows.count(leafId, user, time, id);
      case LAST_EVENT -> rows.latest(leafId, user, time, id, "", CanonicalJson.write(event.properties()), LeafInputRows.NO_TIME);
      case EVENT_LAST_VALUE -> source.value(event.properties()).ifPresent(v ->
          rows.latest(leafId, user, time, id, ValueText.of(v), CanonicalJson.write(v), LeafInputRows.NO_TIME));
      case ANONYMOUS_ID -> anonymousId(e).ifPresent(a ->
          rows.latest(leafId, user, time, id, a, CanonicalJson.write(TextNode.valueOf(a)), LeafInputRows.NO_TIME));
      case EVENT_LIST -> rows.history(leafId, user, time, id, listItem(e, event.properties()));
      default -> throw new IllegalStateException("unhandled leaf kind " + leaf.kind());
    }
  }

  private static Optional<String> anonymousId(StoredEvent e) {
    return e.anonymousId() == null || e.anonymousId().isEmpty() ? Optional.empty() : Optional.of(e.anonymousId());
  }

  /** PerformedMany keeps {event, properties}; the timestamp comes from the entry's event time at resolve. */
  private static String listItem(StoredEvent e, JsonNode properties) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("event", e.event());
    item.set("properties", properties);
    return CanonicalJson.write(item);
  }
}
