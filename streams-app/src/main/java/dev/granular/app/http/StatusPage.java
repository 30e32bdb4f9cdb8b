package dev.granular.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The self-contained status page (resource status-page.html): no external asset, it polls the JSON API. */
final class StatusPage {
  private static final String HTML = load();

  private StatusPage() {}

  static String html() {
    return HTML;
  }

  private static String load() {
    try (InputStream in = StatusPage.class.getResourceAsStream("/status-page.html")) {
      if (in == null) {
        throw new IllegalStateException("status-page.html missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
