package dev.granular.sink.compile;

import static dev.granular.sink.definitions.Defs.WS;
import static dev.granular.sink.definitions.Defs.entry;
import static dev.granular.sink.definitions.Defs.userProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A leaf's typed source selects events and extracts values the way the oracle reads them. */
class LeafSourceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void trackLeafSelectsByNameAndFilters() throws Exception {
    Leaf leaf = onlyLeaf(entry("s", "{'type':'Performed','id':'1','event':'buy_*','times':1,'timesOperator':'>=',"
        + "'properties':[{'path':'price','operator':{'type':'GreaterThanOrEqual','value':10}}]}"));
    JsonNode cheap = MAPPER.readTree("{\"price\":5}");
    JsonNode dear = MAPPER.readTree("{\"price\":\"12.5\"}");
    assertTrue(leaf.source().selects(track("buy_shoe"), dear));
    assertFalse(leaf.source().selects(track("buy_shoe"), cheap));
    assertFalse(leaf.source().selects(track("view"), dear));
  }

  @Test
  void valueLeavesSkipEmptyAndOptionallyNull() throws Exception {
    Leaf plain = onlyLeaf(userProperty("p", "{'type':'Trait','path':'email'}"));
    JsonNode nullEmail = MAPPER.readTree("{\"email\":null}");
    assertEquals(Optional.of(nullEmail.get("email")), plain.source().value(nullEmail), "a null is a value here");
    assertEquals(Optional.empty(), plain.source().value(MAPPER.readTree("{\"email\":\"\"}")));
    assertEquals(Optional.empty(), plain.source().value(MAPPER.readTree("{}")));

    Leaf inAnyOf = onlyLeaf(userProperty("p", "{'type':'Group','entry':'1','nodes':["
        + "{'type':'AnyOf','id':'1','children':['2']},{'type':'Trait','id':'2','path':'email'}]}"));
    assertEquals(Optional.empty(), inAnyOf.source().value(nullEmail), "AnyOf children skip nulls");
  }

  private static Leaf onlyLeaf(PropertyDefinition definition) {
    WorkspaceIndex index = ProfileCompiler.compile(WS, List.of(definition));
    assertEquals(1, index.leaves().size());
    return index.leaves().values().iterator().next();
  }

  private static StoredEvent track(String name) {
    return new StoredEvent(WS, "m1", "track", "u1", null, name, "{}", "{}", 0, 0);
  }
}
