package io.github.cxkpi.time;

import java.util.SplittableRandom;

/** Random durations in nanoseconds: heavy-tailed, bimodal, tiny and huge. */
final class Durations {
  private Durations() {}

  static final String[] KINDS = {"pareto", "lognormal", "bimodal", "small", "wide"};

  /** A duration of one of the kinds. */
  static long next(SplittableRandom rnd, String kind) {
    double seconds = switch (kind) {
      // Pareto, shape 1.1 (heavy tail, infinite variance in the population), scale 1 s.
      case "pareto" -> Math.pow(1 - rnd.nextDouble(), -1 / 1.1);
      // Lognormal around 2 minutes, sigma 1.5.
      case "lognormal" -> Math.exp(Math.log(120) + 1.5 * gaussian(rnd));
      // Calls answered at once (about 5 s) or after a queue (about 10 minutes).
      case "bimodal" -> rnd.nextInt(3) == 0 ? Math.abs(600 + 120 * gaussian(rnd))
          : Math.abs(5 + 2 * gaussian(rnd));
      // Whole nanoseconds near zero, zeros included.
      case "small" -> rnd.nextInt(200) / 1e9;
      // Anything from a millisecond to a century.
      default -> Math.exp(Math.log(1e-3) + rnd.nextDouble() * Math.log(3.2e12));
    };
    return (long) Math.min(Long.MAX_VALUE, seconds * 1e9);
  }

  static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
