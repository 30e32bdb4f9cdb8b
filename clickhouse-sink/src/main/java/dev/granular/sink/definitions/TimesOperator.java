package dev.granular.sink.definitions;

/** Dittofeed's RelationalOperators for a Performed node's event count. */
public enum TimesOperator {
  EQUALS("="), GREATER_THAN_OR_EQUAL(">="), LESS_THAN("<");

  private final String symbol;

  TimesOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean test(long count, long times) {
    return switch (this) {
      case EQUALS -> count == times;
      case GREATER_THAN_OR_EQUAL -> count >= times;
      case LESS_THAN -> count < times;
    };
  }

  /** Whether a user with no matching event satisfies it: such predicates range over every known user. */
  public boolean acceptsZero(long times) {
    return test(0, times);
  }

  public static TimesOperator fromSymbol(String symbol) {
    for (TimesOperator op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }
}
