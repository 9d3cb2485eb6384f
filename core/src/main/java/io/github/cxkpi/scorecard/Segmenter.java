package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Interaction;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the segment of an interaction: by channel, journey stage, touchpoint, any attribute,
 * a function of the caller's, or a combination ({@link #and}).
 */
@FunctionalInterface
public interface Segmenter {
  /**
   * The segment of an interaction.
   *
   * @param interaction the interaction
   * @return its segment
   */
  SegmentKey segmentOf(Interaction interaction);

  /**
   * No segmentation: everything in {@link SegmentKey#ALL}.
   *
   * @return the segmenter
   */
  static Segmenter none() {
    return i -> SegmentKey.ALL;
  }

  /**
   * By channel.
   *
   * @return the segmenter
   */
  static Segmenter channel() {
    return i -> SegmentKey.of(i.channel().name());
  }

  /**
   * By journey stage, in journey order (awareness, consideration, purchase, post-purchase).
   *
   * @return the segmenter
   */
  static Segmenter journeyStage() {
    return i -> new SegmentKey(
        java.util.List.of(i.stage().name().toLowerCase(Locale.ROOT).replace('_', '-')),
        java.util.List.of(i.stage().ordinal()));
  }

  /**
   * By touchpoint; interactions without one are in "(none)".
   *
   * @return the segmenter
   */
  static Segmenter touchpoint() {
    return i -> SegmentKey.of(Objects.requireNonNullElse(i.touchpoint(), "(none)"));
  }

  /**
   * By a free attribute; interactions without it are in "(none)".
   *
   * @param name the attribute's name
   * @return the segmenter
   */
  static Segmenter attribute(String name) {
    Objects.requireNonNull(name, "name is null");
    return i -> SegmentKey.of(i.attributes().getOrDefault(name, "(none)"));
  }

  /**
   * The combination of this segmenter and another: {@code [web] and [purchase]} gives
   * {@code [web, purchase]}.
   *
   * @param next the other segmenter
   * @return the combined segmenter
   */
  default Segmenter and(Segmenter next) {
    Objects.requireNonNull(next, "next is null");
    return i -> segmentOf(i).and(next.segmentOf(i));
  }
}
