package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.definitions.RandomBucketHash;
import dev.granular.sink.definitions.TimesOperator;
import dev.granular.sink.definitions.Timestamps;
import dev.granular.sink.definitions.ValueTests;
import dev.granular.sink.definitions.ValueText;
import java.util.List;

/** Resolves segment criteria from merged leaf states at {@code now} (LEAVES.md, "resolved at now"). */
final class SegmentTests {
  private final LeafView view;
  private final long nowMs;

  SegmentTests(LeafView view, long nowMs) {
    this.view = view;
    this.nowMs = nowMs;
  }

  boolean member(String criterionId, String user) {
    Criterion c = view.index().criteria().get(criterionId);
    ObjectNode spec = c.spec();
    return switch (c.kind()) {
      case TRAIT -> trait(c, SpecReader.operator(spec.get("operator")), user);
      case PERFORMED -> performed(c, user);
      case LAST_PERFORMED -> {
        LeafStates.Latest last = view.latest(c, LeafKind.LAST_EVENT, user);
        yield last != null && ValueTests.allMatch(SpecReader.conditions(spec.get("has")), LeafView.json(last.json()));
      }
      case INCLUDES -> includes(view.latest(c, LeafKind.TRAIT_LAST, user), spec.get("item").asText());
      case EVERYONE -> view.known(c, user);
      case RANDOM_BUCKET -> view.known(c, user)
          && RandomBucketHash.inBucket(user, spec.get("salt").asText(), spec.get("percent").asDouble());
      case AND -> c.children().stream().allMatch(child -> member(child, user));
      case OR -> c.children().stream().anyMatch(child -> member(child, user));
      case NEVER -> false;
      default -> throw new IllegalStateException(c.kind() + " is not a segment criterion");
    };
  }

  private boolean trait(Criterion c, Operator op, String user) {
    if (op instanceof Operator.HasBeen hasBeen) {
      return hasBeen(view.history(c, LeafKind.TRAIT_HISTORY, user), hasBeen);
    }
    LeafStates.Latest trait = view.latest(c, LeafKind.TRAIT_LAST, user);
    String text = trait == null ? "" : trait.text();
    if (op instanceof Operator.NotEquals notEquals) {
      // The newest identify decides: lacking the trait (its order key differs from the trait's) is "not equal".
      LeafStates.Latest identify = view.latest(c, LeafKind.IDENTIFY_LAST, user);
      return identify != null && (trait == null || !sameEvent(trait, identify) || !text.equals(notEquals.value()));
    }
    if (op instanceof Operator.NotExists) {
      return view.latest(c, LeafKind.IDENTIFY_LAST, user) != null && trait == null;
    }
    if (op instanceof Operator.Within within) {
      Long at = Timestamps.parseMs(text);
      return at != null && at >= nowMs - within.windowMs();
    }
    if (op instanceof Operator.AbsoluteTimestamp absolute) {
      Long at = Timestamps.parseMs(text);
      long bound = absolute.timestamp().toEpochMilli();
      return at != null && (absolute.direction() == Operator.AbsoluteTimestamp.Direction.AFTER ? at >= bound : at < bound);
    }
    return !text.isEmpty() && ValueTests.test(op, text);
  }

  /** The last value is the target, held since the first entry of the trailing run of equal values. */
  private boolean hasBeen(List<LeafStates.Entry> entries, Operator.HasBeen hasBeen) {
    if (entries.isEmpty() || !entries.get(entries.size() - 1).payload().equals(hasBeen.value())) {
      return false;
    }
    long since = entries.get(entries.size() - 1).timeMs();
    for (int i = entries.size() - 1; i >= 0 && entries.get(i).payload().equals(hasBeen.value()); i--) {
      since = entries.get(i).timeMs();
    }
    long heldMs = nowMs - since;
    return hasBeen.comparator() == Operator.HasBeen.Comparator.GTE ? heldMs >= hasBeen.windowMs() : heldMs < hasBeen.windowMs();
  }

  private boolean performed(Criterion c, String user) {
    ObjectNode spec = c.spec();
    long times = spec.get("times").asLong();
    TimesOperator op = TimesOperator.fromSymbol(spec.get("timesOperator").asText());
    long withinMs = spec.get("withinMs").asLong();
    long count = withinMs > 0
        ? view.states().countBetween(view.leaf(c, LeafKind.PERFORMED_TIMES), user, nowMs - withinMs, nowMs)
        : view.states().count(view.leaf(c, LeafKind.PERFORMED_COUNT), user);
    // A count of 0 qualifies only users that exist: those with a SEEN row.
    return op.test(count, times) && (count > 0 || view.known(c, user));
  }

  private static boolean includes(LeafStates.Latest trait, String item) {
    if (trait == null) {
      return false;
    }
    JsonNode value = LeafView.json(trait.json());
    if (!value.isArray()) {
      return false;
    }
    for (JsonNode element : value) {
      if (!element.isContainerNode() && ValueText.of(element).equals(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameEvent(LeafStates.Latest a, LeafStates.Latest b) {
    return a.timeMs() == b.timeMs() && a.messageId().equals(b.messageId());
  }
}
