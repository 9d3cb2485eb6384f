package io.github.cxkpi.fcr;

/**
 * How contacts of one key group into issue episodes (see the README, "The KPIs in brief").
 *
 * @since 0.1.0
 */
public enum EpisodeMode {
  /** Contacts whose gaps are each at most the window form one episode (the default). */
  GAP_CHAINED,
  /** An episode holds the contacts within the window of its first contact. */
  ANCHORED
}
