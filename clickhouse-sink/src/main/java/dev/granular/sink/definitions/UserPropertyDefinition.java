package dev.granular.sink.definitions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Dittofeed UserPropertyDefinition. For a Group, {@code root} is its entry node and {@code nodes}
 * holds the group's nodes by id; otherwise {@code nodes} is empty. Child ids resolve and are acyclic.
 */
public record UserPropertyDefinition(UserPropertyNode root, Map<String, UserPropertyNode> nodes)
    implements Definition {

  public UserPropertyDefinition {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  public UserPropertyNode node(String id) {
    UserPropertyNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalStateException("no user property node " + id);
    }
    return node;
  }
}
