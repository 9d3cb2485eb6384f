package io.github.cxkpi.fcr;

/** How contacts of one key group into issue episodes (KPIS.md). */
public enum EpisodeMode {
  /** Contacts whose gaps are each at most the window form one episode (the default). */
  GAP_CHAINED,
  /** An episode holds the contacts within the window of its first contact. */
  ANCHORED
}
