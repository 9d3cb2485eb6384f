package io.github.cxkpi.drivers;

/** The answers of one respondent so far; index k is the outcome. Mutable. */
final class Partial {
  final int[] scores;
  long answered;
  long blank;
  double weight = 1;

  Partial(int d) {
    scores = new int[d];
  }

  Partial copy() {
    Partial p = new Partial(scores.length);
    System.arraycopy(scores, 0, p.scores, 0, scores.length);
    p.answered = answered;
    p.blank = blank;
    p.weight = weight;
    return p;
  }

  boolean isFull() {
    return answered == full(scores.length);
  }

  /**
   * Which answer gives the respondent's weight: the outcome's (index k) when answered, else the
   * first factor's answered in the definition's order (the same whatever the order of arrival or
   * merging).
   */
  static int weightSource(long answered, int k) {
    return (answered & (1L << k)) != 0 ? k : Long.numberOfTrailingZeros(answered);
  }

  static long full(int d) {
    return d == 64 ? -1L : (1L << d) - 1;
  }
}
