package io.github.cxkpi.time;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Random interactions of every kind, for the service-time KPIs. */
final class Interactions {
  private Interactions() {}

  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  static Interaction next(SplittableRandom rnd) {
    Instant at = T0.plusSeconds(rnd.nextInt(30 * 86_400));
    String customer = "c" + rnd.nextInt(50);
    switch (rnd.nextInt(4)) {
      case 0:
        return SurveyResponse.builder(customer, at).question("nps").score(rnd.nextInt(11))
            .build();
      case 1: {
        boolean abandoned = rnd.nextInt(5) == 0;
        ServiceContact.Builder b = ServiceContact.builder(customer, at).channel(Channel.PHONE)
            .abandoned(abandoned);
        if (rnd.nextInt(6) > 0) {
          b.waitTime(Duration.ofNanos(Durations.next(rnd, "bimodal")));
        }
        if (!abandoned && rnd.nextInt(6) > 0) {
          b.handleTime(Duration.ofNanos(Durations.next(rnd, "lognormal")));
        }
        return b.build();
      }
      default: {
        CaseStatus status = CaseStatus.values()[rnd.nextInt(CaseStatus.values().length)];
        Duration age = Duration.ofNanos(Durations.next(rnd, "lognormal")).multipliedBy(60);
        Instant opened = status == CaseStatus.OPENED ? at : at.minus(age);
        CaseEvent.Builder b = CaseEvent.builder(customer, "case" + rnd.nextInt(1000), status, at)
            .opened(opened).reopenCount(rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0);
        Instant solved = null;
        if (status == CaseStatus.CLOSED && rnd.nextInt(5) > 0) {
          solved = opened.plus(age.dividedBy(1 + rnd.nextInt(3)));
          b.solved(solved);
        }
        if (status != CaseStatus.OPENED && rnd.nextInt(3) > 0) {
          // Pending on the requester: none, all of the span, or a random share of it.
          Duration span = Duration.between(opened, solved != null ? solved : at);
          b.pending(switch (rnd.nextInt(4)) {
            case 0 -> Duration.ZERO;
            case 1 -> span;
            default -> Duration.ofNanos((long) (rnd.nextDouble() * span.toNanos()));
          });
        }
        if (rnd.nextBoolean()) {
          b.withinSla(rnd.nextBoolean());
        }
        return b.build();
      }
    }
  }
}
