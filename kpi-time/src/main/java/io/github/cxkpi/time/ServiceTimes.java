package io.github.cxkpi.time;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameReader;
import java.time.Duration;
import java.util.Objects;

/**
 * The service-time KPIs: entry points that read as the domain.
 *
 * <pre>{@code
 * ServiceTimeAggregator asa = ServiceTimes.speedOfAnswer();      // 80 % in 20 s by default
 * contacts.forEach(asa::accept);
 * ServiceTimeResult r = asa.result();
 * r.meanSeconds(); r.durations().median(); r.serviceLevel(Duration.ofSeconds(20)).share();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ServiceTimes {
  /** The registry id of first response time. */
  public static final String FIRST_RESPONSE_ID = "frt";

  /** The registry id of time to (final) resolution. */
  public static final String RESOLUTION_ID = "ttr";

  /** The registry id of average handle time. */
  public static final String HANDLE_ID = "aht";

  /** The registry id of speed of answer. */
  public static final String SPEED_OF_ANSWER_ID = "asa";

  /** The registry id of requester wait time. */
  public static final String REQUESTER_WAIT_ID = "rwt";

  /** The registry id of the abandonment rate. */
  public static final String ABANDONMENT_ID = "abandonment";

  /** The frame kind of first-response aggregators. */
  public static final int FIRST_RESPONSE_FRAME_KIND = 8;

  /** The frame kind of resolution aggregators (first and final solve). */
  public static final int RESOLUTION_FRAME_KIND = 9;

  /** The frame kind of handle-time aggregators. */
  public static final int HANDLE_FRAME_KIND = 10;

  /** The frame kind of speed-of-answer aggregators. */
  public static final int SPEED_OF_ANSWER_FRAME_KIND = 11;

  /** The frame kind of abandonment aggregators. */
  public static final int ABANDONMENT_FRAME_KIND = 12;

  /** The frame kind of requester-wait-time aggregators. */
  public static final int REQUESTER_WAIT_FRAME_KIND = 14;

  private ServiceTimes() {}

  /**
   * The frame kind of a measure's aggregators.
   *
   * @param measure the measure
   * @return the kind
   */
  public static int frameKind(ServiceTimeMeasure measure) {
    return switch (measure) {
      case FIRST_RESPONSE -> FIRST_RESPONSE_FRAME_KIND;
      case FIRST_RESOLUTION, FINAL_RESOLUTION -> RESOLUTION_FRAME_KIND;
      case HANDLE -> HANDLE_FRAME_KIND;
      case SPEED_OF_ANSWER -> SPEED_OF_ANSWER_FRAME_KIND;
      case REQUESTER_WAIT -> REQUESTER_WAIT_FRAME_KIND;
    };
  }

  /**
   * A measure's default definition (see {@link ServiceTimeDefinition}).
   *
   * @param measure the measure
   * @return the definition
   */
  public static ServiceTimeDefinition definition(ServiceTimeMeasure measure) {
    return ServiceTimeDefinition.defaults(measure);
  }

  /**
   * An empty aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static ServiceTimeAggregator aggregator(ServiceTimeDefinition definition) {
    return new ServiceTimeAggregator(Objects.requireNonNull(definition, "definition is null"));
  }

  /**
   * First response time (case opened to first agent response), default definition.
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator firstResponse() {
    return aggregator(definition(ServiceTimeMeasure.FIRST_RESPONSE));
  }

  /**
   * Time to the final solve of closed cases, default definition.
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator resolution() {
    return aggregator(definition(ServiceTimeMeasure.FINAL_RESOLUTION));
  }

  /**
   * Time to the first solve, default definition.
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator firstResolution() {
    return aggregator(definition(ServiceTimeMeasure.FIRST_RESOLUTION));
  }

  /**
   * Requester wait time (time to the final solve less the time pending on the requester) of
   * closed cases that carry a pending time, default definition (targets 24 h and 72 h).
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator requesterWait() {
    return aggregator(definition(ServiceTimeMeasure.REQUESTER_WAIT));
  }

  /**
   * Handle time per contact, default definition.
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator handleTime() {
    return aggregator(definition(ServiceTimeMeasure.HANDLE));
  }

  /**
   * Speed of answer of answered contacts, default definition (target 20 s).
   *
   * @return the aggregator
   */
  public static ServiceTimeAggregator speedOfAnswer() {
    return aggregator(definition(ServiceTimeMeasure.SPEED_OF_ANSWER));
  }

  /**
   * The abandonment rate with no short abandons excluded.
   *
   * @return the aggregator
   */
  public static AbandonmentAggregator abandonment() {
    return new AbandonmentAggregator(Duration.ZERO);
  }

  /**
   * The abandonment rate with abandons after a wait below the threshold left out.
   *
   * @param shortAbandonThreshold the threshold, not negative (e.g. 5 s)
   * @return the aggregator
   */
  public static AbandonmentAggregator abandonment(Duration shortAbandonThreshold) {
    return new AbandonmentAggregator(shortAbandonThreshold);
  }

  /**
   * Reads a service-time aggregator of any measure.
   *
   * @param bytes a frame written by {@link ServiceTimeAggregator#toBytes()}
   * @return the aggregator
   * @throws CodecException for any bad bytes
   */
  public static ServiceTimeAggregator fromBytes(byte[] bytes) {
    int kind = FrameReader.peekKind(bytes);
    for (ServiceTimeMeasure m : ServiceTimeMeasure.values()) {
      if (frameKind(m) == kind) {
        return ServiceTimeAggregator.fromBytes(bytes, m);
      }
    }
    throw new CodecException("expected a service-time aggregator (frame kinds 8 to 11 and 14) "
        + "but found kind " + kind);
  }

  /**
   * Reads a service-time aggregator of a measure's frame kind.
   *
   * @param bytes the frame
   * @param measure the measure expected (first and final resolution share a kind)
   * @return the aggregator
   * @throws CodecException for any bad bytes
   */
  public static ServiceTimeAggregator fromBytes(byte[] bytes, ServiceTimeMeasure measure) {
    return ServiceTimeAggregator.fromBytes(bytes, measure);
  }

  /**
   * Reads an abandonment aggregator.
   *
   * @param bytes a frame written by {@link AbandonmentAggregator#toBytes()}
   * @return the aggregator
   * @throws CodecException for any bad bytes
   */
  public static AbandonmentAggregator abandonmentFromBytes(byte[] bytes) {
    return AbandonmentAggregator.fromBytes(bytes);
  }
}
