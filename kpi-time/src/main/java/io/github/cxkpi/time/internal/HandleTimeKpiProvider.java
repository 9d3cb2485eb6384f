package io.github.cxkpi.time.internal;

import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimes;

/** Registers average handle time with the registry. */
public final class HandleTimeKpiProvider extends ServiceTimeKpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public HandleTimeKpiProvider() {
    super(ServiceTimes.HANDLE_ID, ServiceTimeMeasure.HANDLE, "Average handle time (seconds)", 1);
  }
}
