package io.github.cxkpi.drivers;

/**
 * A factor's place on the importance-performance map (Martilla and James, 1977). A factor is
 * important when its relative weight is at least the mean relative weight of the factors
 * ({@code R^2 / k}), and performs well when its normalized mean ({@code (mean - min) /
 * (max - min)}, so that factors on different scales compare) is at least the mean normalized
 * mean of the factors.
 *
 * @since 0.1.0
 */
public enum Quadrant {
  /** Important, performing below the others: improve this first. */
  CONCENTRATE_HERE("concentrate here"),
  /** Important and performing well: a strength to keep. */
  KEEP_UP_THE_GOOD_WORK("keep up the good work"),
  /** Less important, performing below the others. */
  LOW_PRIORITY("low priority"),
  /** Less important, performing well: effort perhaps better spent elsewhere. */
  POSSIBLE_OVERKILL("possible overkill");

  private final String label;

  Quadrant(String label) {
    this.label = label;
  }

  /**
   * The quadrant for people.
   *
   * @return e.g. "concentrate here"
   */
  public String label() {
    return label;
  }

  static Quadrant of(boolean important, boolean performing) {
    return important ? (performing ? KEEP_UP_THE_GOOD_WORK : CONCENTRATE_HERE)
        : (performing ? POSSIBLE_OVERKILL : LOW_PRIORITY);
  }
}
