package dev.granular.app.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw request path split on '/' and percent-decoded segment by segment, so an encoded slash (%2F) stays
 * inside its segment instead of changing the route. Decoding is strict UTF-8; ids are checked by {@link Ids}.
 */
final class PathSegments {
  private PathSegments() {}

  static List<String> of(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw ApiError.badRequest("path must start with /");
    }
    List<String> out = new ArrayList<>();
    String rest = rawPath.substring(1);
    if (rest.isEmpty()) {
      return out;
    }
    for (String raw : rest.split("/", -1)) {
      out.add(decode(raw));
    }
    return out;
  }

  /** Percent-decodes one segment or query value; '+' stays a plus sign unless {@code plusIsSpace}. */
  static String decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw ApiError.badRequest("malformed percent-encoding in the request");
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("the request is not valid UTF-8 after percent-decoding");
    }
  }

  private static String decode(String raw) {
    return decode(raw, false);
  }
}
