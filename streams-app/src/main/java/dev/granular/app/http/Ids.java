package dev.granular.app.http;

/**
 * What a workspace, segment or user id in a request may be: non-empty, at most {@code maxLength} characters
 * (the ingest limit on id fields, so anything that could exist can be asked for), no control characters, and
 * no '/', '.' or '..' (never a path trick). Everything else, quotes and unicode included, is a legal id and
 * reaches ClickHouse only through Sql.string.
 */
record Ids(int maxLength) {
  String check(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw ApiError.badRequest(what + " is empty");
    }
    if (id.length() > maxLength) {
      throw ApiError.badRequest(what + " is longer than " + maxLength + " characters");
    }
    if (id.equals(".") || id.equals("..") || id.indexOf('/') >= 0) {
      throw ApiError.badRequest(what + " must not be '.', '..' or contain '/'");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw ApiError.badRequest(what + " contains a control character");
      }
    }
    return id;
  }
}
