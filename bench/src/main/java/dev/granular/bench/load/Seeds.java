package dev.granular.bench.load;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the seed: each workspace's events and definitions get their own,
 * so a workspace's output does not change when another workspace is added or the output order changes.
 */
final class Seeds {
  static final long EVENTS = 1;
  static final long DEFINITIONS = 2;
  static final long PROPERTIES = 3;
  static final long TRAFFIC = 4;

  private Seeds() {}

  static SplittableRandom random(long seed, int workspace, long purpose) {
    return new SplittableRandom(mix(mix(seed) ^ mix(workspace * 0x9E3779B97F4A7C15L + purpose)));
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
