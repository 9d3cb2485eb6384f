package io.github.cxkpi.time.internal;

import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimes;

/** Registers time to final resolution of closed cases with the registry. */
public final class ResolutionKpiProvider extends ServiceTimeKpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public ResolutionKpiProvider() {
    super(ServiceTimes.RESOLUTION_ID, ServiceTimeMeasure.FINAL_RESOLUTION, "Time to resolution (hours, mean)", 3600);
  }
}
