package dev.granular.bench.chaos;

import dev.granular.fixtures.ChangeAudit;
import java.util.List;
import java.util.Map;

/**
 * What one run of the load ended with, measured after it caught up.
 *
 * @param expectedEvents distinct valid (workspace, messageId) the generator sent
 * @param storedEvents distinct (workspace, messageId) in ClickHouse
 * @param countedEvents the durable-event totals the app reports per workspace (status, HTTP API), summed
 * @param recoverSeconds from the end of the last fault until the input lag was 0 and every workspace computed
 * @param faults what was done, e.g. "10 SIGKILLs"
 * @param badInput each bad-input class fed beside the load, and what became of it
 */
record RunFigures(String scenario, String faults, long expectedEvents, long storedEvents, long countedEvents, AnswerDump dump,
    ChangeAudit.Result changes, double recoverSeconds, long peakLag, double runSeconds, Map<String, Long> eventDeadLetters,
    Map<String, Long> definitionDeadLetters, List<ClassOutcome> badInput, List<String> notes) {

  long eventsLost() {
    return Math.max(0, expectedEvents - storedEvents);
  }
}
