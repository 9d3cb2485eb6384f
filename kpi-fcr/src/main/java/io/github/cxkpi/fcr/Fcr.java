package io.github.cxkpi.fcr;

import io.github.cxkpi.fcr.internal.SurveyFcrCodec;
import io.github.cxkpi.codec.FrameInput;
import io.github.cxkpi.codec.FrameReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingRecorder;
import java.time.Duration;
import io.github.cxkpi.spi.KpiType;
import java.util.Objects;

/**
 * The entry point for First-Contact Resolution: survey-based, repeat-contact and case-based.
 *
 * <pre>{@code
 * RepeatContactAggregator fcr = Fcr.repeatContactAggregator();
 * contacts.forEach(fcr::accept);
 * fcr.endOfInput();
 * double share = fcr.result().fcr();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Fcr {
  /** The registry id of survey FCR. */
  public static final String SURVEY_ID = "fcr";

  /** The registry id of repeat-contact FCR (default definition: per customer, 7 days). */
  public static final String REPEAT_ID = "fcr-repeat";

  /** The frame kind of serialized repeat-contact FCR aggregators. */
  static final int REPEAT_FRAME_KIND = 6;

  private static final SurveyFcrDefinition SURVEY =
      new SurveyFcrDefinition("fcr", OutOfRangePolicy.REJECT, 30);
  private static final RepeatContactDefinition REPEAT = new RepeatContactDefinition(
      FcrKey.CUSTOMER, Duration.ofDays(7), EpisodeMode.GAP_CHAINED, false, Duration.ofHours(1),
      true, 30);

  /**
   * Survey FCR's typed identity (id, frame kind, name, definition, factory, decoder), as the
   * registry and typed adapters see it.
   */
  public static final KpiType<SurveyFcrDefinition, SurveyFcrAggregator> SURVEY_TYPE =
      KpiType.of(SURVEY_ID, "First-Contact Resolution (survey)", SurveyFcrCodec.FRAME_KIND,
          SurveyFcrDefinition.class, SURVEY, SurveyFcrAggregator.class, SurveyFcrAggregator::new,
          Fcr::surveyFromBytes);

  /** Repeat-contact FCR's typed identity, as the registry and typed adapters see it. */
  public static final KpiType<RepeatContactDefinition, RepeatContactAggregator> REPEAT_TYPE =
      KpiType.of(REPEAT_ID, "First-Contact Resolution (repeat contacts)", REPEAT_FRAME_KIND,
          RepeatContactDefinition.class, REPEAT, RepeatContactAggregator.class,
          RepeatContactAggregator::new, Fcr::repeatContactFromBytes);

  private Fcr() {}

  /**
   * Survey FCR: question "fcr", 1 = yes, 0 = no.
   *
   * @return the definition
   */
  public static SurveyFcrDefinition survey() {
    return SURVEY;
  }

  /**
   * An empty survey FCR aggregator.
   *
   * @return the aggregator
   */
  public static SurveyFcrAggregator surveyAggregator() {
    return new SurveyFcrAggregator(SURVEY);
  }

  /**
   * An empty survey FCR aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static SurveyFcrAggregator surveyAggregator(SurveyFcrDefinition definition) {
    return new SurveyFcrAggregator(Objects.requireNonNull(definition, "definition is null"));
  }

  /**
   * A thread-safe recorder of survey FCR.
   *
   * @param definition the definition
   * @return the recorder
   */
  public static RatingRecorder<SurveyFcrAggregator> surveyRecorder(SurveyFcrDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingRecorder.of(() -> new SurveyFcrAggregator(definition));
  }

  /**
   * Repeat-contact FCR, the operational one: keyed by customer, a 7-day window (inclusive),
   * gap-chained episodes, no agent mark required, watermark derived with 1 hour of lateness
   * (late: strictly more than 1 hour before the latest contact seen), two contacts of one key
   * at the same instant a repeat ({@link SameInstantContacts#REPEAT}).
   *
   * @return the definition
   */
  public static RepeatContactDefinition repeatContact() {
    return REPEAT;
  }

  /**
   * Case-based FCR ("one-touch resolution"): the repeat-contact machinery keyed by case, with
   * the agent's resolved mark required.
   *
   * @return the definition
   */
  public static RepeatContactDefinition caseBased() {
    return REPEAT.withKey(FcrKey.CASE).withAgentResolvedRequired(true);
  }

  /**
   * An empty repeat-contact aggregator of the default definition.
   *
   * @return the aggregator
   */
  public static RepeatContactAggregator repeatContactAggregator() {
    return new RepeatContactAggregator(REPEAT);
  }

  /**
   * An empty repeat-contact aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static RepeatContactAggregator repeatContactAggregator(
      RepeatContactDefinition definition) {
    return new RepeatContactAggregator(definition);
  }

  /**
   * Decodes a survey FCR aggregator.
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static SurveyFcrAggregator surveyFromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, SurveyFcrCodec.FRAME_KIND, SurveyFcrCodec.INSTANCE.what());
    return new SurveyFcrAggregator(SurveyFcrCodec.INSTANCE.read(r)).readFrom(r);
  }

  /**
   * Decodes a repeat-contact FCR aggregator with its pending state (a checkpoint), of any size
   * {@link RepeatContactAggregator#toBytes()} writes (no 64 MiB cap: the reader allocates
   * only for bytes it has read, and checks the checksum before reading the payload).
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static RepeatContactAggregator repeatContactFromBytes(byte[] bytes) {
    FrameInput r = FrameInput.open(bytes, REPEAT_FRAME_KIND, REPEAT_WHAT);
    try {
      return RepeatContactAggregator.readFrom(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an array does no I/O
    }
  }

  /**
   * Reads a repeat-contact FCR checkpoint written by
   * {@link RepeatContactAggregator#writeTo(java.io.OutputStream)} (or its bytes from
   * {@link RepeatContactAggregator#toBytes()}) from a stream, at any size. Reads exactly the
   * frame, never past it, and checks its checksum at its end; pass a buffered stream.
   *
   * @param in the stream; not closed
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes, including a stream that
   *     ends before the frame does
   * @throws IOException when the stream fails
   * @since 0.1.0
   */
  public static RepeatContactAggregator repeatContactFromStream(InputStream in)
      throws IOException {
    return RepeatContactAggregator.readFrom(FrameInput.open(in, REPEAT_FRAME_KIND, REPEAT_WHAT));
  }

  private static final String REPEAT_WHAT = "repeat-contact FCR aggregator";
}
