package dev.granular.app.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {
  @Test
  void aDetailQuotingAHugeInputIsCappedAndShortOnesAreKept() {
    String huge = "key '" + "k".repeat(1 << 20) + "'";
    String detail = new String(DeadLetterHeaders.stamp(new RecordHeaders(), "bad_key", huge, Optional.empty())
        .lastHeader(DeadLetterHeaders.DETAIL).value(), StandardCharsets.UTF_8);
    assertTrue(detail.length() < DeadLetterHeaders.MAX_DETAIL_CHARS + 40, "length " + detail.length());
    assertTrue(detail.endsWith("(" + huge.length() + " chars)"), detail.substring(detail.length() - 30));
    assertEquals("short", DeadLetterHeaders.capped("short"));
    String pairAtTheCut = "x".repeat(DeadLetterHeaders.MAX_DETAIL_CHARS - 1) + "\uD83D\uDE00" + "tail";
    assertTrue(DeadLetterHeaders.capped(pairAtTheCut).startsWith("x".repeat(DeadLetterHeaders.MAX_DETAIL_CHARS - 1) + "..."),
        "a surrogate pair is not split");
  }
}
