package io.github.cxkpi.nps.internal;

import io.github.cxkpi.codec.DefinitionCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.nps.NpsDefinition;
import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;

/** The {@link NpsDefinition}'s parameters at the start of a NPS aggregator's frame (frame kind 2). */
public final class NpsCodec implements DefinitionCodec<NpsDefinition> {
  /** The frame kind of serialized NPS aggregators. */
  public static final int FRAME_KIND = 2;

  /** The codec. */
  public static final NpsCodec INSTANCE = new NpsCodec();

  private NpsCodec() {}

  @Override
  public int frameKind() {
    return FRAME_KIND;
  }

  @Override
  public String what() {
    return "NPS aggregator";
  }

  @Override
  public void write(NpsDefinition d, FrameWriter w) {
    w.putString(d.question()).putSignedInt(d.scaleMin()).putSignedInt(d.scaleMax())
        .putSignedInt(d.passiveMin()).putSignedInt(d.promoterMin())
        .putVarLong(d.blankPolicy().ordinal()).putVarLong(d.outOfRangePolicy().ordinal())
        .putVarLong(d.smallSampleThreshold());
  }

  @Override
  public NpsDefinition read(FrameReader r) {
    String question = r.getString("question");
    int min = r.getSignedInt("scaleMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int max = r.getSignedInt("scaleMax", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int passive = r.getSignedInt("passiveMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int promoter = r.getSignedInt("promoterMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    BlankPolicy blank = r.getEnum("blankPolicy", BlankPolicy.class);
    OutOfRangePolicy range = r.getEnum("outOfRangePolicy", OutOfRangePolicy.class);
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    try {
      return new NpsDefinition(question, min, max, passive, promoter, blank, range, threshold);
    } catch (IllegalArgumentException e) {
      throw r.error("definition", String.valueOf(e.getMessage()));
    }
  }
}
