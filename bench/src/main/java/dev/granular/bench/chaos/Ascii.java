package dev.granular.bench.chaos;

/** Hostile text made printable for a report line: control and non-ASCII chars as escapes, long text cut. */
final class Ascii {
  private static final int MAX = 200;

  private Ascii() {}

  static String of(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return text.length() > MAX ? out + "...(" + text.length() + " chars)" : out.toString();
  }
}
