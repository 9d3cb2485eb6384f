package io.github.cxkpi.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Seeded property tests: every random case derives from a seed that is printed when the case
 * fails. {@code -Dcxkpi.seed=N} replays one seed; otherwise each run draws a fresh one.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * The master seed of this run: {@code -Dcxkpi.seed}, or a fresh one.
   *
   * @return the seed
   */
  public static long master() {
    String fixed = System.getProperty("cxkpi.seed");
    return fixed != null ? Long.parseLong(fixed) : System.nanoTime() ^ 0x5DEECE66DL;
  }

  /**
   * Runs {@code trials} cases, each with its own seeded random; on failure the error names the
   * seed that replays it.
   *
   * @param trials the number of cases
   * @param body one case
   */
  public static void forEach(int trials, Consumer<SplittableRandom> body) {
    boolean replay = System.getProperty("cxkpi.seed") != null;
    SplittableRandom master = new SplittableRandom(master());
    for (int t = 0; t < (replay ? 1 : trials); t++) {
      long seed = replay ? Long.parseLong(System.getProperty("cxkpi.seed")) : master.nextLong();
      try {
        body.accept(new SplittableRandom(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "case failed with seed " + seed + " (replay with -Dcxkpi.seed=" + seed + "): " + e,
            e);
      }
    }
  }
}
