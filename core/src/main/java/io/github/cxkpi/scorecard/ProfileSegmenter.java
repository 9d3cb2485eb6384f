package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Interaction;
import java.util.Objects;

/**
 * A built-in segmenter, or a combination of them: it reads only an interaction's profile
 * (channel, stage, touchpoint, attributes), so that a {@link SurveyBatch} is segmented once
 * per profile. Users cannot make one: a function of theirs may read anything.
 */
final class ProfileSegmenter implements Segmenter {
  private final Segmenter function;

  ProfileSegmenter(Segmenter function) {
    this.function = Objects.requireNonNull(function, "function is null");
  }

  @Override
  public SegmentKey segmentOf(Interaction interaction) {
    return function.segmentOf(interaction);
  }
}
