package io.github.cxkpi.time.internal;

import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimes;

/** Registers first response time with the registry. */
public final class FirstResponseKpiProvider extends ServiceTimeKpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public FirstResponseKpiProvider() {
    super(ServiceTimes.FIRST_RESPONSE_ID, ServiceTimeMeasure.FIRST_RESPONSE, "First response time (hours, mean)", 3600);
  }
}
