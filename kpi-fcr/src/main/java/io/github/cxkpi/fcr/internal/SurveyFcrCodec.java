package io.github.cxkpi.fcr.internal;

import io.github.cxkpi.codec.DefinitionCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.fcr.SurveyFcrDefinition;
import io.github.cxkpi.scale.OutOfRangePolicy;

/** The {@link SurveyFcrDefinition}'s parameters at the start of a survey FCR aggregator's frame (frame kind 5). */
public final class SurveyFcrCodec implements DefinitionCodec<SurveyFcrDefinition> {
  /** The frame kind of serialized survey FCR aggregators. */
  public static final int FRAME_KIND = 5;

  /** The codec. */
  public static final SurveyFcrCodec INSTANCE = new SurveyFcrCodec();

  private SurveyFcrCodec() {}

  @Override
  public int frameKind() {
    return FRAME_KIND;
  }

  @Override
  public String what() {
    return "survey FCR aggregator";
  }

  @Override
  public void write(SurveyFcrDefinition d, FrameWriter w) {
    w.putString(d.question()).putVarLong(d.outOfRangePolicy().ordinal()).putVarLong(d.smallSampleThreshold());
  }

  @Override
  public SurveyFcrDefinition read(FrameReader r) {
    String question = r.getString("question");
    OutOfRangePolicy policy = r.getEnum("outOfRangePolicy", OutOfRangePolicy.class);
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    try {
      return new SurveyFcrDefinition(question, policy, threshold);
    } catch (IllegalArgumentException e) {
      throw r.error("definition", String.valueOf(e.getMessage()));
    }
  }
}
