package io.github.cxkpi.drivers;

import io.github.cxkpi.event.SurveyResponse;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * Who answered: the customer and the survey instance (the response id attribute when present,
 * else the exact instant, seconds and nanoseconds since the epoch).
 */
record RespondentKey(String customerId, @Nullable String responseId, long seconds, int nanos)
    implements Comparable<RespondentKey> {

  private static final Comparator<RespondentKey> ORDER =
      Comparator.comparing(RespondentKey::customerId)
          .thenComparing(RespondentKey::responseId,
              Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparingLong(RespondentKey::seconds)
          .thenComparingInt(RespondentKey::nanos);

  static RespondentKey of(SurveyResponse r, String attribute) {
    String id = r.attributes().get(attribute);
    return id != null ? new RespondentKey(r.customerId(), id, 0, 0)
        : new RespondentKey(r.customerId(), null, r.instant().getEpochSecond(), r.instant().getNano());
  }

  @Override
  public int compareTo(RespondentKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return "customer '" + customerId + "' " + (responseId != null ? "response '" + responseId + "'"
        : "at " + java.time.Instant.ofEpochSecond(seconds, nanos));
  }
}
