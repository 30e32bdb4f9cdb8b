package dev.granular.sink.events;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Drops daily {@code user_events} partitions whose processing day is older than the retention. */
public final class Retention {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private final ClickHouse clickHouse;
  private final int retentionDays;

  public Retention(ClickHouse clickHouse, int retentionDays) {
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retention must be at least one day");
    }
    this.clickHouse = clickHouse;
    this.retentionDays = retentionDays;
  }

  /** @return the partitions (yyyyMMdd) dropped */
  public List<String> dropExpired(long nowMs) {
    LocalDate today = Instant.ofEpochMilli(nowMs).atZone(ZoneOffset.UTC).toLocalDate();
    long oldestKept = Long.parseLong(today.minusDays(retentionDays - 1L).format(DAY));
    String db = Sql.identifier(clickHouse.database());
    List<String> dropped = new ArrayList<>();
    for (String[] row : clickHouse.rows("SELECT DISTINCT partition FROM system.parts WHERE active"
        + " AND database = " + Sql.string(db) + " AND table = 'user_events' ORDER BY partition")) {
      String partition = row[0].replace("'", "");
      if (partition.matches("\\d{8}") && Long.parseLong(partition) < oldestKept) {
        clickHouse.execute("ALTER TABLE " + db + ".user_events DROP PARTITION " + partition);
        dropped.add(partition);
      }
    }
    return dropped;
  }
}
