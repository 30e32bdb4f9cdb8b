package dev.granular.sink.scenario;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.migrate.Migrator;
import dev.granular.sink.sql.Sql;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A freshly migrated database with a random name, dropped on close: where {@code evaluate} runs. */
public final class ScratchDatabase implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * DROP is idempotent, so a failed one is tried again: on a busy ClickHouse 18.16 a drop once outlasted the
   * client's read timeout (a CI run's teardown), while the same drop a little later took milliseconds.
   */
  private static final dev.granular.sink.client.RetryPolicy DROP_RETRY =
      new dev.granular.sink.client.RetryPolicy(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(5));
  private final ClickHouse clickHouse;

  private ScratchDatabase(ClickHouse clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** @param prefix the name's start, a plain identifier; a random suffix keeps concurrent runs apart */
  public static ScratchDatabase create(ClickHouseSettings server, String prefix) {
    return create(server, prefix, dev.granular.sink.migrate.Schema.migrations());
  }

  /** With only {@code migrations} applied: a database as an older release left it. */
  public static ScratchDatabase create(ClickHouseSettings server, String prefix,
      java.util.List<dev.granular.sink.migrate.Migration> migrations) {
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    String name = Sql.identifier(prefix + "_" + HexFormat.of().formatHex(suffix));
    ClickHouse clickHouse = new ClickHouse(server.withDatabase(name));
    try {
      new Migrator(clickHouse, migrations).migrate();
    } catch (RuntimeException e) {
      drop(clickHouse);
      throw e;
    }
    return new ScratchDatabase(clickHouse);
  }

  public ClickHouse clickHouse() {
    return clickHouse;
  }

  public String name() {
    return clickHouse.database();
  }

  @Override
  public void close() {
    drop(clickHouse);
  }

  private static void drop(ClickHouse clickHouse) {
    try {
      Migrator migrator = new Migrator(clickHouse);
      DROP_RETRY.run("DROP DATABASE " + clickHouse.database(), () -> {
        migrator.dropDatabase();
        return null;
      }, () -> { });
    } finally {
      clickHouse.close();
    }
  }
}
