package dev.granular.sink.definitions;

/**
 * A track event name filter as Dittofeed reads it: {@code ""} or {@code "*"} match any event, a name with a
 * {@code *} after its first character matches by the prefix before the first {@code *}, anything else matches exactly.
 *
 * @param kind  how {@code value} is compared
 * @param value the exact name or the prefix; empty for ANY
 */
public record EventPattern(Kind kind, String value) {

  public enum Kind { ANY, EXACT, PREFIX }

  public static EventPattern parse(String written) {
    int star = written.indexOf('*');
    if (written.isEmpty() || written.equals("*")) {
      return new EventPattern(Kind.ANY, "");
    }
    // Dittofeed treats an empty prefix ("*abc") as no prefix, i.e. an exact name.
    return star > 0 ? new EventPattern(Kind.PREFIX, written.substring(0, star)) : new EventPattern(Kind.EXACT, written);
  }

  public boolean matches(String eventName) {
    if (eventName == null) {
      return kind == Kind.ANY;
    }
    return switch (kind) {
      case ANY -> true;
      case EXACT -> eventName.equals(value);
      case PREFIX -> eventName.startsWith(value);
    };
  }
}
