package io.github.cxkpi.time.internal;

import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimes;

/** Registers requester wait time of closed cases with the registry. */
public final class RequesterWaitKpiProvider extends ServiceTimeKpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public RequesterWaitKpiProvider() {
    super(ServiceTimes.REQUESTER_WAIT_ID, ServiceTimeMeasure.REQUESTER_WAIT,
        "Requester wait time (hours, mean)", 3600);
  }
}
