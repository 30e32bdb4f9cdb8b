package dev.granular.app.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The query string of a request, decoded; unknown or repeated parameters are refused rather than ignored. */
final class QueryParams {
  private final Map<String, String> values = new HashMap<>();

  QueryParams(String rawQuery, Set<String> allowed) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = PathSegments.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : PathSegments.decode(pair.substring(eq + 1), true);
      if (!allowed.contains(name)) {
        throw ApiError.badRequest("unknown query parameter '" + name + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
      if (values.put(name, value) != null) {
        throw ApiError.badRequest("query parameter '" + name + "' given twice");
      }
    }
  }

  String get(String name) {
    return values.get(name);
  }

  /** A positive int up to {@code max}, or {@code absent} when the parameter is not there. */
  int positiveInt(String name, int max, int absent) {
    String v = values.get(name);
    if (v == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiError.badRequest(name + " must be an integer from 1 to " + max + ", got '" + v + "'");
  }

  boolean flag(String name) {
    String v = values.get(name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true") || v.isEmpty()) {
      return true;
    }
    throw ApiError.badRequest(name + " must be true or false, got '" + v + "'");
  }
}
