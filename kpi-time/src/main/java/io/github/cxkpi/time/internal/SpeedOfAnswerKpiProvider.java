package io.github.cxkpi.time.internal;

import io.github.cxkpi.time.ServiceTimeMeasure;
import io.github.cxkpi.time.ServiceTimes;

/** Registers speed of answer with the registry. */
public final class SpeedOfAnswerKpiProvider extends ServiceTimeKpiProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SpeedOfAnswerKpiProvider() {
    super(ServiceTimes.SPEED_OF_ANSWER_ID, ServiceTimeMeasure.SPEED_OF_ANSWER, "Average speed of answer (seconds)", 1);
  }
}
