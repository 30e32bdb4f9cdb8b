package dev.granular.bench;

/** P1's three configurations, run in this order in one invocation. */
public enum FairnessConfig {
  NO_WHALE("a", "no whale", false, true),
  SPLIT("b", "whale, split", true, true),
  NO_SPLIT("c", "whale, split disabled", true, false);

  public final String letter;
  public final String label;
  public final boolean whale;
  public final boolean split;

  FairnessConfig(String letter, String label, boolean whale, boolean split) {
    this.letter = letter;
    this.label = label;
    this.whale = whale;
    this.split = split;
  }

  /** Split disabled = a threshold no plan reaches (the largest the config accepts): the semaphore-only baseline. */
  public long threshold(BenchSize size) {
    return split ? size.threshold() : Long.MAX_VALUE / 4;
  }

  public String title() {
    return "(" + letter + ") " + label;
  }
}
