package dev.granular.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Builds one new valid event in the Segment/Dittofeed shape: track (price, sku, category, quantity), identify
 * (plan, country, email, score, signedUpAt) or page/screen. Field order is fixed, so equal inputs give equal bytes.
 */
final class EventFactory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SIGN_UP_SPREAD_MS = 90L * 24 * 3600 * 1000;

  private final ZipfSampler eventNames;

  EventFactory(ZipfSampler eventNames) {
    this.eventNames = eventNames;
  }

  ObjectNode fresh(String workspaceId, String messageId, int userRank, long timeMs, SplittableRandom random) {
    ObjectNode e = JSON.createObjectNode();
    e.put("workspaceId", workspaceId);
    int mix = random.nextInt(100); // 60% track, 15% identify, 20% page, 5% screen
    String type = mix < 60 ? "track" : mix < 75 ? "identify" : mix < 95 ? "page" : "screen";
    e.put("type", type);
    e.put("messageId", messageId);
    String user = "u-" + userRank;
    if (random.nextInt(20) == 0) {
      e.put("anonymousId", "anon-" + userRank); // a visitor before sign-in
    } else {
      e.put("userId", user);
    }
    switch (type) {
      case "track" -> track(e, random);
      case "identify" -> identify(e, user, userRank, timeMs, random);
      default -> page(e, random);
    }
    e.put("timestamp", timestamp(timeMs));
    e.putObject("context").putObject("library").put("name", "granular-load").put("version", "1");
    return e;
  }

  static String timestamp(long timeMs) {
    return Instant.ofEpochMilli(timeMs).toString();
  }

  private void track(ObjectNode e, SplittableRandom random) {
    e.put("event", EventCatalog.trackEvent(eventNames.sample(random)));
    ObjectNode p = e.putObject("properties");
    p.put("price", (1 + random.nextInt(EventCatalog.MAX_PRICE * 100)) / 100.0);
    p.put("sku", "sku-" + random.nextInt(EventCatalog.SKUS));
    p.put("category", EventCatalog.CATEGORIES.get(random.nextInt(EventCatalog.CATEGORIES.size())));
    p.put("quantity", 1 + random.nextInt(5));
  }

  private static void identify(ObjectNode e, String user, int userRank, long timeMs, SplittableRandom random) {
    ObjectNode t = e.putObject("traits");
    int plan = random.nextInt(100);
    t.put("plan", EventCatalog.PLANS.get(plan < 60 ? 0 : plan < 85 ? 1 : plan < 95 ? 2 : 3));
    t.put("country", EventCatalog.country(userRank));
    t.put("email", EventCatalog.email(user));
    t.put("score", random.nextInt(EventCatalog.MAX_SCORE));
    t.put("signedUpAt", timestamp(Math.max(0, timeMs - random.nextLong(SIGN_UP_SPREAD_MS))));
  }

  private static void page(ObjectNode e, SplittableRandom random) {
    String page = EventCatalog.PAGES.get(random.nextInt(EventCatalog.PAGES.size()));
    e.put("name", page);
    e.putObject("properties").put("path", "/" + page.toLowerCase(java.util.Locale.ROOT)).put("title", page + " | Shop");
  }
}
