/**
 * Service times on the cxkpi core: first response time, time to resolution (to the first and to
 * the final solve), requester wait time, average handle time, speed of answer and abandonment
 * rate, on a mergeable, serializable duration histogram with a relative-accuracy guarantee.
 */
module io.github.cxkpi.time {
  requires transitive io.github.cxkpi.core;
  requires static transitive org.jspecify;

  exports io.github.cxkpi.time;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.time.internal.FirstResponseKpiProvider,
      io.github.cxkpi.time.internal.ResolutionKpiProvider,
      io.github.cxkpi.time.internal.RequesterWaitKpiProvider,
      io.github.cxkpi.time.internal.HandleTimeKpiProvider,
      io.github.cxkpi.time.internal.SpeedOfAnswerKpiProvider,
      io.github.cxkpi.time.internal.AbandonmentKpiProvider;
}
