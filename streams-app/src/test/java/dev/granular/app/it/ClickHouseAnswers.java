package dev.granular.app.it;

import dev.granular.fixtures.ChangeAudit;
import dev.granular.sink.client.ClickHouse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ClickHouse's current answers in the shape {@link ChangeAudit} replays the change records into. */
final class ClickHouseAnswers {
  private ClickHouseAnswers() {}

  static Map<ChangeAudit.Key, String> of(ClickHouse clickHouse, List<String> workspaces) {
    Map<ChangeAudit.Key, String> out = new HashMap<>();
    for (String w : workspaces) {
      ComputeFixture.Assignments a = ComputeFixture.computed(clickHouse, w);
      a.members().forEach((segment, users) -> users.forEach(u -> out.put(new ChangeAudit.Key(w, u, segment), "true")));
      a.values().forEach((property, values) -> values.forEach((u, v) -> out.put(new ChangeAudit.Key(w, u, property), v.toString())));
    }
    return out;
  }
}
