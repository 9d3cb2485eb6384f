package io.github.cxkpi.csat.internal;

import io.github.cxkpi.codec.DefinitionCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.csat.CsatDefinition;
import io.github.cxkpi.scale.OutOfRangePolicy;

/** The {@link CsatDefinition}'s parameters at the start of a CSAT aggregator's frame (frame kind 3). */
public final class CsatCodec implements DefinitionCodec<CsatDefinition> {
  /** The frame kind of serialized CSAT aggregators. */
  public static final int FRAME_KIND = 3;

  /** The codec. */
  public static final CsatCodec INSTANCE = new CsatCodec();

  private CsatCodec() {}

  @Override
  public int frameKind() {
    return FRAME_KIND;
  }

  @Override
  public String what() {
    return "CSAT aggregator";
  }

  @Override
  public void write(CsatDefinition d, FrameWriter w) {
    w.putString(d.question()).putSignedInt(d.scaleMin()).putSignedInt(d.scaleMax()).putSignedInt(d.satisfiedMin())
        .putVarLong(d.outOfRangePolicy().ordinal()).putVarLong(d.smallSampleThreshold());
  }

  @Override
  public CsatDefinition read(FrameReader r) {
    String question = r.getString("question");
    int min = r.getSignedInt("scaleMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int max = r.getSignedInt("scaleMax", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int satisfied = r.getSignedInt("satisfiedMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    OutOfRangePolicy range = r.getEnum("outOfRangePolicy", OutOfRangePolicy.class);
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    try {
      return new CsatDefinition(question, min, max, satisfied, range, threshold);
    } catch (IllegalArgumentException e) {
      throw r.error("definition", String.valueOf(e.getMessage()));
    }
  }
}
