package dev.granular.bench.chaos;

import java.util.List;

/** One class of bad (or hostile but valid) input: its records and, for accepted ones, how to verify them. */
public record BadInputClass(String name, Expected expected, List<BadRecord> records, StoredCheck stored) {
  public BadInputClass {
    records = List.copyOf(records);
  }
}
