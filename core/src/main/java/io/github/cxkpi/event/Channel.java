package io.github.cxkpi.event;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The channel through which an interaction happened: an open set of lower-case names, with
 * constants for the common ones.
 *
 * @param name the channel's name: not blank, lower case, at most 64 characters
 * @since 0.1.0
 */
public record Channel(String name) {
  /** The web site. */
  public static final Channel WEB = new Channel("web");
  /** The mobile app. */
  public static final Channel APP = new Channel("app");
  /** E-mail. */
  public static final Channel EMAIL = new Channel("email");
  /** A phone call. */
  public static final Channel PHONE = new Channel("phone");
  /** Live chat or messaging. */
  public static final Channel CHAT = new Channel("chat");
  /** A physical store or branch. */
  public static final Channel STORE = new Channel("store");
  /** Social media. */
  public static final Channel SOCIAL = new Channel("social");
  /** Used when the source does not say. */
  public static final Channel UNKNOWN = new Channel("unknown");

  /**
   * Validates the name.
   *
   * @param name the channel's name: not blank, lower case, at most 64 characters
   */
  public Channel {
    Objects.requireNonNull(name, "channel name is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("channel name must not be blank, was '" + name + "'");
    }
    if (name.length() > 64) {
      throw new IllegalArgumentException(
          "channel name must be at most 64 characters, was " + name.length() + ": '" + name + "'");
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("channel name must be lower case, was '" + name + "'");
    }
  }

  /**
   * A channel by name, normalized to lower case and trimmed.
   *
   * @param name the name
   * @return the channel
   */
  public static Channel of(String name) {
    Objects.requireNonNull(name, "channel name is null");
    return new Channel(name.trim().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Equal when the names are.
   *
   * @param o another object
   * @return whether it is a channel of the same name
   */
  @Override
  public boolean equals(@Nullable Object o) {
    // Written out, not the record's generated method: that one is bound through method handles
    // on first use, which spins hidden classes and costs a short-lived CLI measurable start-up.
    return o instanceof Channel c && name.equals(c.name);
  }

  /**
   * The name's hash.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
