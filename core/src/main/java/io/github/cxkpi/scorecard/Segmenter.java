package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the segment of an interaction: by channel, journey stage, touchpoint, any attribute,
 * a function of the caller's, or a combination ({@link #and}). The built-in segmenters are
 * thread-safe and cache their keys per value (memory grows with the distinct values seen).
 *
 * <p>The built-in segmenters and their combinations read only an interaction's profile (its
 * channel, stage, touchpoint and attributes), so a scorecard can segment a
 * {@link SurveyBatch} once per profile instead of once per row; a scorecard with a function of
 * the caller's (which may read anything, the customer or the instant) takes no batches.
 *
 * @since 0.1.0
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
    return new ProfileSegmenter(i -> SegmentKey.ALL);
  }

  /**
   * By channel.
   *
   * @return the segmenter
   */
  static Segmenter channel() {
    // Keys are cached per value: a scorecard asks for one per interaction.
    java.util.concurrent.ConcurrentHashMap<Channel, SegmentKey> cache =
        new java.util.concurrent.ConcurrentHashMap<>();
    return new ProfileSegmenter(i -> {
      SegmentKey k = cache.get(i.channel());
      return k != null ? k : cache.computeIfAbsent(i.channel(), c -> SegmentKey.of(c.name()));
    });
  }

  /**
   * By journey stage, in journey order (awareness, consideration, purchase, post-purchase).
   *
   * @return the segmenter
   */
  static Segmenter journeyStage() {
    SegmentKey[] keys = new SegmentKey[JourneyStage.values().length];
    for (JourneyStage st : JourneyStage.values()) {
      keys[st.ordinal()] = new SegmentKey(
          java.util.List.of(st.name().toLowerCase(Locale.ROOT).replace('_', '-')),
          java.util.List.of(st.ordinal()));
    }
    return new ProfileSegmenter(i -> keys[i.stage().ordinal()]);
  }

  /**
   * By touchpoint; interactions without one are in "(none)".
   *
   * @return the segmenter
   */
  static Segmenter touchpoint() {
    java.util.concurrent.ConcurrentHashMap<String, SegmentKey> cache =
        new java.util.concurrent.ConcurrentHashMap<>();
    return new ProfileSegmenter(i -> cache.computeIfAbsent(
        Objects.requireNonNullElse(i.touchpoint(), "(none)"), SegmentKey::of));
  }

  /**
   * By a free attribute; interactions without it are in "(none)".
   *
   * @param name the attribute's name
   * @return the segmenter
   */
  static Segmenter attribute(String name) {
    Objects.requireNonNull(name, "name is null");
    java.util.concurrent.ConcurrentHashMap<String, SegmentKey> cache =
        new java.util.concurrent.ConcurrentHashMap<>();
    return new ProfileSegmenter(i -> cache.computeIfAbsent(
        i.attributes().getOrDefault(name, "(none)"), SegmentKey::of));
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
    Segmenter both = i -> segmentOf(i).and(next.segmentOf(i));
    return this instanceof ProfileSegmenter && next instanceof ProfileSegmenter
        ? new ProfileSegmenter(both) : both;
  }
}
