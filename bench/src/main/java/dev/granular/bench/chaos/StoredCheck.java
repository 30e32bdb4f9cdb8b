package dev.granular.bench.chaos;

import dev.granular.sink.client.ClickHouse;
import java.util.Optional;

/** How an accepted class proves it was stored (or answered) verbatim: empty when it was, else what is wrong. */
@FunctionalInterface
public interface StoredCheck {
  Optional<String> problem(ClickHouse clickHouse);
}
