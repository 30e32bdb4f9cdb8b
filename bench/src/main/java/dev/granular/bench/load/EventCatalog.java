package dev.granular.bench.load;

import java.util.List;

/**
 * The vocabulary shared by generated events and generated definitions, so that segments test traits and
 * properties the events really carry and name events that really occur.
 */
final class EventCatalog {
  /** Track event names by popularity rank; ranks beyond the list get synthetic names. */
  static final List<String> TRACK_EVENTS = List.of("Viewed Product", "Added To Cart", "Searched", "Clicked Link",
      "Opened Email", "Checkout Started", "Order Completed", "Bought Shoes", "Signed Up", "Added To Wishlist",
      "Removed From Cart", "Shared Product", "Applied Coupon", "Started Trial", "Upgraded Plan", "Invited Friend",
      "Rated Product", "Contacted Support", "Cancelled Order", "Logged Out");
  static final List<String> CATEGORIES =
      List.of("shoes", "shirts", "bags", "hats", "socks", "jackets", "watches", "belts");
  /** By popularity; most users stay on the free plan. */
  static final List<String> PLANS = List.of("free", "pro", "team", "enterprise");
  static final List<String> COUNTRIES = List.of("US", "DE", "FR", "BR", "JP", "IN", "GB", "CA");
  static final List<String> PAGES = List.of("Home", "Product", "Cart", "Checkout", "Search", "Account");
  static final int SKUS = 1_000;
  static final int MAX_PRICE = 500;
  static final int MAX_SCORE = 100;

  /** Trait and property paths the definitions may read. */
  static final List<String> PROFILE_TRAITS = List.of("email", "plan", "country", "score");
  static final List<String> PURCHASE_PROPERTIES = List.of("sku", "category", "price");

  private EventCatalog() {}

  static String trackEvent(int rank) {
    return rank < TRACK_EVENTS.size() ? TRACK_EVENTS.get(rank) : "Custom Event " + (rank + 1);
  }

  static String email(String user) {
    return user + "@example.com";
  }

  /** A user's country never changes, as in real profiles, so it is a function of the user. */
  static String country(int userRank) {
    return COUNTRIES.get(Math.floorMod(userRank * 31 + 7, COUNTRIES.size()));
  }
}
