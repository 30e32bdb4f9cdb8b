package dev.granular.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.config.AppConfig;
import dev.granular.app.status.Explanation;
import dev.granular.app.status.WorkspaceStatus;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyKind;
import java.util.List;
import java.util.TreeMap;

/** Answers the questions about one workspace on the instance that owns it. Only a tick changes anything. */
record WorkspaceAnswers(LocalStores stores, AssignmentReader assignments, TickSender ticks, AppConfig.PlannerSettings planner) {

  Reply answer(Route.ForWorkspace route) {
    PlannerState state = stores.state(route.workspace());
    if (state == null) {
      throw ApiError.notFound("unknown workspace " + route.workspace() + ": no planner state on any instance");
    }
    if (route instanceof Route.Workspace w) {
      return Reply.json(200, WorkspaceStatus.describe(state).set("explain",
          Explanation.of(planner, w.workspace(), state, stores.definitions(w.workspace()), System.currentTimeMillis())));
    } else if (route instanceof Route.Members m) {
      return members(m);
    } else if (route instanceof Route.SegmentSize s) {
      return Reply.json(200, Reply.object().put("workspace", s.workspace()).put("segment", requireSegment(s.workspace(), s.segment()))
          .put("sizeEstimate", assignments.segmentSizeEstimate(s.workspace(), s.segment())));
    } else if (route instanceof Route.User u) {
      return user(u);
    } else if (route instanceof Route.Tick t) {
      return Reply.json(202, ticks.send(t.workspace(), t.retryParked()));
    }
    throw new IllegalStateException("unhandled workspace route " + route);
  }

  private Reply members(Route.Members m) {
    requireSegment(m.workspace(), m.segment());
    // One more than asked: if it comes back there is a next page, and its cursor is this page's last id.
    List<String> page = assignments.membersPage(m.workspace(), m.segment(), m.after(), m.limit() + 1);
    boolean more = page.size() > m.limit();
    List<String> shown = more ? page.subList(0, m.limit()) : page;
    ObjectNode out = Reply.object().put("workspace", m.workspace()).put("segment", m.segment()).put("limit", m.limit())
        .put("after", m.after());
    ArrayNode members = out.putArray("members");
    shown.forEach(members::add);
    out.put("next", more ? shown.get(shown.size() - 1) : null);
    return Reply.json(200, out);
  }

  private Reply user(Route.User u) {
    AssignmentReader.UserAssignments a = assignments.knownUser(u.workspace(), u.userId()).orElseThrow(() ->
        ApiError.notFound("unknown user " + u.userId() + " in workspace " + u.workspace() + ": no assignments"));
    ObjectNode out = Reply.object().put("workspace", u.workspace()).put("userId", u.userId());
    ArrayNode segments = out.putArray("segments");
    a.segments().stream().sorted().forEach(segments::add);
    ObjectNode props = out.putObject("userProperties");
    new TreeMap<>(a.properties()).forEach(props::set);
    return Reply.json(200, out);
  }

  /** The segment must be one of the workspace's current definitions, of kind segment. */
  private String requireSegment(String workspace, String segment) {
    WorkspaceDefinitions defs = stores.definitions(workspace);
    String json = defs == null ? null : defs.getDefinitions().get(segment);
    if (json == null || DefinitionParser.parse(json).kind() != PropertyKind.SEGMENT) {
      throw ApiError.notFound("unknown segment " + segment + " in workspace " + workspace);
    }
    return segment;
  }
}
