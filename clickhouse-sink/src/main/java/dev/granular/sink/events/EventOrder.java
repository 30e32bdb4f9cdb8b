package dev.granular.sink.events;

import java.util.Comparator;

/**
 * What "latest" means everywhere: event time, then messageId. Message ids compare by code point, which is
 * the byte order of their UTF-8 form, so Java and ClickHouse ({@code max} over a tuple) pick the same event
 * even for ids outside the Basic Multilingual Plane.
 */
public final class EventOrder {

  public static final Comparator<String> MESSAGE_ID = EventOrder::compareCodePoints;

  private EventOrder() {
  }

  public static int compare(long timeA, String messageIdA, long timeB, String messageIdB) {
    int byTime = Long.compare(timeA, timeB);
    return byTime != 0 ? byTime : compareCodePoints(messageIdA, messageIdB);
  }

  /** Code point order: ClickHouse's order of Strings (UTF-8 bytes), unlike {@link String#compareTo} (UTF-16 units). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
