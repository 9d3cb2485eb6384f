package io.github.cxkpi.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A segment: the values of the fields a {@link Segmenter} looked at, e.g. {@code [web]} or
 * {@code [web, purchase]}. Segments sort by their parts, each by rank first (the journey
 * stages keep their order: awareness, consideration, purchase, post-purchase) and then by name.
 *
 * @param names the values, one per field
 * @param ranks a sort rank per value (0 when the natural order is by name)
 * @since 0.1.0
 */
public record SegmentKey(List<String> names, List<Integer> ranks)
    implements Comparable<SegmentKey> {

  /** The segment of everything, for a scorecard that does not segment. */
  public static final SegmentKey ALL = new SegmentKey(List.of("all"), List.of(0));

  /**
   * Copies and checks the lists.
   *
   * @param names the values, one per field
   * @param ranks a sort rank per value (0 when the natural order is by name)
   */
  public SegmentKey {
    names = List.copyOf(names);
    ranks = List.copyOf(ranks);
    if (names.isEmpty() || names.size() != ranks.size()) {
      throw new IllegalArgumentException(
          "a segment needs one rank per name and at least one name, got " + names + " " + ranks);
    }
  }

  /**
   * A one-field segment sorted by name.
   *
   * @param name the value
   * @return the segment
   */
  public static SegmentKey of(String name) {
    return new SegmentKey(List.of(name), List.of(0));
  }

  /**
   * This segment followed by another's parts (a combination of fields).
   *
   * @param other the other segment
   * @return the combined segment
   */
  public SegmentKey and(SegmentKey other) {
    List<String> n = new ArrayList<>(names);
    n.addAll(other.names);
    List<Integer> r = new ArrayList<>(ranks);
    r.addAll(other.ranks);
    return new SegmentKey(n, r);
  }

  @Override
  public int compareTo(SegmentKey o) {
    int k = Math.min(names.size(), o.names.size());
    for (int i = 0; i < k; i++) {
      int c = Integer.compare(ranks.get(i), o.ranks.get(i));
      if (c == 0) {
        c = names.get(i).compareTo(o.names.get(i));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.size(), o.names.size());
  }

  /**
   * The label, parts joined with " / ".
   *
   * @return the label
   */
  public String label() {
    return String.join(" / ", names);
  }

  @Override
  public String toString() {
    return label();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SegmentKey s && names.equals(s.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }
}
