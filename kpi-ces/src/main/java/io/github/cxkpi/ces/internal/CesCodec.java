package io.github.cxkpi.ces.internal;

import io.github.cxkpi.codec.DefinitionCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.ces.CesDefinition;
import io.github.cxkpi.scale.Direction;
import io.github.cxkpi.scale.OutOfRangePolicy;

/** The {@link CesDefinition}'s parameters at the start of a CES aggregator's frame (frame kind 4). */
public final class CesCodec implements DefinitionCodec<CesDefinition> {
  /** The frame kind of serialized CES aggregators. */
  public static final int FRAME_KIND = 4;

  /** The codec. */
  public static final CesCodec INSTANCE = new CesCodec();

  private CesCodec() {}

  @Override
  public int frameKind() {
    return FRAME_KIND;
  }

  @Override
  public String what() {
    return "CES aggregator";
  }

  @Override
  public void write(CesDefinition d, FrameWriter w) {
    w.putString(d.question()).putSignedInt(d.scaleMin()).putSignedInt(d.scaleMax())
        .putVarLong(d.direction().ordinal()).putSignedInt(d.easyFrom()).putSignedInt(d.easyTo())
        .putSignedInt(d.difficultFrom()).putSignedInt(d.difficultTo())
        .putVarLong(d.outOfRangePolicy().ordinal()).putVarLong(d.smallSampleThreshold());
  }

  @Override
  public CesDefinition read(FrameReader r) {
    String question = r.getString("question");
    int min = r.getSignedInt("scaleMin", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int max = r.getSignedInt("scaleMax", Integer.MIN_VALUE, Integer.MAX_VALUE);
    Direction direction = r.getEnum("direction", Direction.class);
    int easyFrom = r.getSignedInt("easyFrom", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int easyTo = r.getSignedInt("easyTo", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int diffFrom = r.getSignedInt("difficultFrom", Integer.MIN_VALUE, Integer.MAX_VALUE);
    int diffTo = r.getSignedInt("difficultTo", Integer.MIN_VALUE, Integer.MAX_VALUE);
    OutOfRangePolicy range = r.getEnum("outOfRangePolicy", OutOfRangePolicy.class);
    int threshold = (int) r.getVarLong("smallSampleThreshold", 0, Integer.MAX_VALUE);
    try {
      return new CesDefinition(question, min, max, direction, easyFrom, easyTo, diffFrom, diffTo,
          range, threshold);
    } catch (IllegalArgumentException e) {
      throw r.error("definition", String.valueOf(e.getMessage()));
    }
  }
}
