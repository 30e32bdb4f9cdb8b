package dev.granular.sink.client;

/** TabSeparated cell escaping as ClickHouse writes it. */
final class Tsv {
  private Tsv() {}

  static String unescape(String cell) {
    if (cell.indexOf('\\') < 0) {
      return cell;
    }
    StringBuilder out = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c != '\\' || i + 1 == cell.length()) {
        out.append(c);
        continue;
      }
      char next = cell.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'N' -> out.append("\\N"); // NULL marker: callers compare against it
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
