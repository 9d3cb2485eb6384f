package io.github.cxkpi.micrometer.internal;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.micrometer.SegmentRecorder;
import io.github.cxkpi.scale.RatingRecorder;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** A segment's recorder; a folded one also counts each answer it takes in. */
final class Handle implements SegmentRecorder {
  private final RatingRecorder<?> recorder;
  private final List<String> tagValues;
  private final @Nullable LongAdder folded;

  Handle(RatingRecorder<?> recorder, List<String> tagValues, @Nullable LongAdder folded) {
    this.recorder = recorder;
    this.tagValues = tagValues;
    this.folded = folded;
  }

  RatingRecorder<?> recorder() {
    return recorder;
  }

  private void fold() {
    LongAdder f = folded;
    if (f != null) {
      f.increment();
    }
  }

  @Override
  public void record(int score) {
    recorder.record(score);
    fold();
  }

  @Override
  public void record(int score, double weight) {
    recorder.record(score, weight);
    fold();
  }

  @Override
  public void recordBlank() {
    recorder.recordBlank();
    fold();
  }

  @Override
  public boolean record(SurveyResponse response) {
    boolean taken = recorder.record(response);
    if (taken) {
      fold();
    }
    return taken;
  }

  @Override
  public List<String> tagValues() {
    return tagValues;
  }

  @Override
  public boolean isFolded() {
    return folded != null;
  }

  @Override
  public String toString() {
    return (folded != null ? "folded into " : "segment ") + tagValues;
  }
}
