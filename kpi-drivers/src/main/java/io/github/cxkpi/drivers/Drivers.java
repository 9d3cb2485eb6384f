package io.github.cxkpi.drivers;

/**
 * Key-driver analysis: the entry point.
 *
 * @since 0.1.0
 */
public final class Drivers {
  /** The KPI's id in the registry. */
  public static final String ID = "drivers";

  /** The kind byte of its frames. */
  public static final int FRAME_KIND = 8;

  private Drivers() {}
}
