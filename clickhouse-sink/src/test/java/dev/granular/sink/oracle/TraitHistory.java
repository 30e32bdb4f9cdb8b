package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.definitions.PropertyPath;
import dev.granular.sink.definitions.Timestamps;
import dev.granular.sink.definitions.ValueTests;
import dev.granular.sink.definitions.ValueText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One user's values of one trait path over their identify events (oldest first). Only identify events feed
 * traits; an identify without the path (or with "") leaves the trait unchanged rather than clearing it.
 */
final class TraitHistory {

  private final List<UserEvent> identifies = new ArrayList<>();
  private final List<UserEvent> present = new ArrayList<>();
  private final PropertyPath path;

  TraitHistory(List<UserEvent> events, PropertyPath path) {
    this.path = path;
    for (UserEvent event : events) {
      if (event.isIdentify()) {
        identifies.add(event);
        if (!text(event).isEmpty()) {
          present.add(event);
        }
      }
    }
  }

  /** The latest present value, if any. */
  Optional<JsonNode> latest() {
    return present.isEmpty() ? Optional.empty() : path.read(present.get(present.size() - 1).traits());
  }

  boolean test(Operator operator, long nowMs) {
    String latest = ValueText.of(latest());
    if (operator instanceof Operator.NotEquals notEquals) {
      // Dittofeed's NotEquals looks at the latest identify even when it lacks the trait (missing != value).
      String newest = identifies.isEmpty() ? null : text(identifies.get(identifies.size() - 1));
      return newest != null && (newest.isEmpty() || !newest.equals(notEquals.value()));
    }
    if (operator instanceof Operator.NotExists) {
      return !identifies.isEmpty() && present.isEmpty(); // never had a value, but is known through identify
    }
    if (operator instanceof Operator.Within within) {
      Long at = Timestamps.parseMs(latest);
      return at != null && at >= nowMs - within.windowMs();
    }
    if (operator instanceof Operator.AbsoluteTimestamp absolute) {
      Long at = Timestamps.parseMs(latest);
      long bound = absolute.timestamp().toEpochMilli();
      return at != null && (absolute.direction() == Operator.AbsoluteTimestamp.Direction.AFTER ? at >= bound : at < bound);
    }
    if (operator instanceof Operator.HasBeen hasBeen) {
      return hasBeen(hasBeen, latest, nowMs);
    }
    return !latest.isEmpty() && ValueTests.test(operator, latest);
  }

  /** The value equals the target and has, since the event that set it (repeats don't reset), been held long enough. */
  private boolean hasBeen(Operator.HasBeen hasBeen, String latest, long nowMs) {
    if (latest.isEmpty() || !latest.equals(hasBeen.value())) {
      return false;
    }
    long since = present.get(present.size() - 1).timeMs();
    for (int i = present.size() - 1; i >= 0 && text(present.get(i)).equals(latest); i--) {
      since = present.get(i).timeMs();
    }
    long heldMs = nowMs - since;
    return hasBeen.comparator() == Operator.HasBeen.Comparator.GTE ? heldMs >= hasBeen.windowMs()
        : heldMs < hasBeen.windowMs();
  }

  private String text(UserEvent event) {
    return ValueText.of(path.read(event.traits()));
  }
}
