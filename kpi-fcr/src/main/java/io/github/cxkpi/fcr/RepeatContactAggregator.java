package io.github.cxkpi.fcr;

import static io.github.cxkpi.fcr.KeyState.EPISODE_MULTI;
import static io.github.cxkpi.fcr.KeyState.EPISODE_OPEN;
import static io.github.cxkpi.fcr.KeyState.FIRST;
import static io.github.cxkpi.fcr.KeyState.FREE;
import static io.github.cxkpi.fcr.KeyState.SLOT;
import static io.github.cxkpi.fcr.KeyState.NONE;
import static io.github.cxkpi.fcr.KeyState.PREV;
import static io.github.cxkpi.fcr.KeyState.PREV_OPEN;
import static io.github.cxkpi.fcr.KeyState.SIZE_ONE;
import static io.github.cxkpi.fcr.KeyState.STATE;

import io.github.cxkpi.codec.FrameInput;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.spi.Aggregator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Repeat-contact FCR, exact in event time and in bounded memory.
 *
 * <p><b>Episodes.</b> An issue episode starts at a contact whose key had no contact within the
 * window before it; later contacts within the window of the previous one (gap-chained) or of
 * the episode's first (anchored) belong to the same episode. The episode is resolved at first
 * contact when no other contact of its key comes within the window after its first contact
 * (and, if the definition requires it, the agent marked that first contact resolved). A
 * contact is a repeat of the one before it when the gap is at most the window (inclusive).
 *
 * <p><b>Event time.</b> Contacts may arrive in any order above the watermark. The watermark
 * is advanced by {@link #advanceWatermark(Instant)}, or derived from the largest instant seen:
 * one millisecond below that instant minus the allowed lateness, so that a contact is late
 * exactly when its instant is <em>strictly</em> before the largest instant seen minus the
 * lateness (with a lateness of 0, contacts at the latest instant are not late). It never
 * moves backwards. An episode is decided when the watermark reaches its first contact plus
 * the window; a contact's repeat status when it reaches the contact plus the window. A
 * contact at or below the watermark is <b>late</b>: it is counted in
 * {@link RepeatContactResult#lateContacts()} and changes nothing else, never silently dropped
 * and never silently mixed in. {@link #endOfInput()} decides everything. Instants are taken
 * at millisecond precision and must lie in [1970-01-01, 2200-01-01).
 *
 * <p><b>Order does not matter</b> within the rules: contacts above the watermark wait in time
 * order and are processed only when the watermark passes them, so with the watermark not
 * derived ({@link RepeatContactDefinition#withDerivedWatermark(boolean) derivedWatermark}
 * false, the whole input decided by {@link #endOfInput()}) every order of the same contacts
 * gives the same result, and with a lateness L every order in which no contact is late (none
 * arrives more than L after a later one) does too. Contacts of one key at the same instant are
 * taken in a fixed order, the one not marked resolved by the agent first; what they mean is
 * {@link RepeatContactDefinition#sameInstant()} (by default a repeat).
 *
 * <p><b>Memory</b> grows with the keys that have something pending (a contact within the
 * window of the watermark), not with history: a key whose state is decided is evicted. Keys
 * are interned to int ids: a pending key's state is a record of four longs in primitive arrays
 * by id, found through an open-addressing index of ids keyed by a seeded hash, and the queues
 * hold ids, so that recording a contact allocates nothing. A pending key costs about 83 bytes
 * of heap besides its key string on a 64-bit JVM with compressed references (its 32-byte
 * record, its 8-byte index slot in an index at most 3/4 full, its entry in the key array, its
 * 12-byte timer), and a contact waiting above the watermark about 21 (measured with one
 * million of each by the {@code FcrMemory} program of the benchmarks); a checkpoint takes
 * about 30 bytes per key. Writing a checkpoint allocates about 35 bytes per key besides the
 * bytes themselves (a sorted index), a merge about 70 (a copy of the other side's state).
 *
 * <p><b>Merge</b> combines aggregators that saw disjoint key sets (the partitions of a job
 * keyed by the FCR key) exactly; the merged watermark is the larger of the two. An aggregator
 * serializes with its pending state, so that a checkpoint restored gives the same final result
 * as no checkpoint: {@link #toBytes()} up to {@link #MAX_ARRAY_BYTES}, and
 * {@link #writeTo(OutputStream)} at any size, streamed; whatever either writes,
 * {@link Fcr#repeatContactFromBytes(byte[])} and {@link Fcr#repeatContactFromStream} read.
 * Every key is checked when it is recorded (not blank, well-formed Unicode, at most 4096 UTF-8
 * bytes), so that writing never fails on a key and reading gives back the same key.
 *
 * <p><b>Not thread-safe</b>: one thread at a time; partition by key for parallelism.
 *
 * @since 0.1.0
 */
public final class RepeatContactAggregator
    implements Aggregator<ServiceContact, RepeatContactAggregator, RepeatContactResult> {
  /** The earliest instant accepted. */
  public static final Instant MIN_INSTANT = Instant.EPOCH;

  /** The first instant no longer accepted. */
  public static final Instant MAX_INSTANT = Instant.parse("2200-01-01T00:00:00Z");

  /**
   * The largest checkpoint {@link #toBytes()} returns (the largest array a JVM reliably
   * allocates); larger states stream with {@link #writeTo(OutputStream)}.
   *
   * @since 0.1.0
   */
  public static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  static final long MAX_MILLIS = MAX_INSTANT.toEpochMilli();

  final RepeatContactDefinition definition;
  final long window;
  private final long lateness;
  final boolean duplicatesMode;
  private final boolean gapChained;
  private final boolean requireAgentResolved;
  KeyTable keys = new KeyTable();
  DueQueue arrivals = new DueQueue();
  DecisionQueue decisions = new DecisionQueue();
  long watermark = Long.MIN_VALUE;
  long maxSeen = Long.MIN_VALUE;
  long contacts;
  long late;
  long duplicates;
  long contactsDecided;
  long contactsRepeated;
  long episodesDecided;
  long episodesResolved;
  long episodesOpen;
  // The outcomes decided since the last drainDecided, when tracked (trackingDecisions): each
  // is (epoch millis << 2 | kind), at the instant it is attributed to. Not serialized.
  private long @Nullable [] decided;
  private int decidedCount;
  private static final int CONTACT = 0;
  private static final int CONTACT_REPEATED = 1;
  private static final int EPISODE = 2;
  private static final int EPISODE_RESOLVED = 3;

  RepeatContactAggregator(RepeatContactDefinition definition) {
    this.definition = Objects.requireNonNull(definition, "definition is null");
    this.window = definition.window().toMillis();
    this.lateness = definition.allowedLateness().toMillis();
    this.duplicatesMode = definition.sameInstant() == SameInstantContacts.DUPLICATE;
    this.gapChained = definition.mode() == EpisodeMode.GAP_CHAINED;
    this.requireAgentResolved = definition.requireAgentResolved();
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public RepeatContactDefinition definition() {
    return definition;
  }

  /**
   * Records a service contact under the definition's key. A contact abandoned in the queue
   * ({@link ServiceContact#abandoned()}) reached no agent: it is neither a first contact nor a
   * repeat, and is not recorded (the abandonment rate counts it).
   *
   * @param contact the contact
   * @return {@code true} if accepted, {@code false} if it was abandoned (not recorded) or late
   *     (counted as such)
   * @throws IllegalArgumentException when the key is missing or breaks the key rule (see
   *     {@link FcrKey#of}); nothing is recorded then
   */
  public boolean accept(ServiceContact contact) {
    Objects.requireNonNull(contact, "contact is null");
    if (contact.abandoned()) {
      return false;
    }
    // A contact's fields are validated when it is built; FcrKey checks the composed keys.
    return add(definition.key().of(contact), millis(contact.instant(), "contact instant"),
        contact.resolvedByAgent(), true);
  }

  /**
   * Records a contact.
   *
   * @param key the contact's key (see {@link FcrKey}): not blank, well-formed Unicode (no lone
   *     surrogate), at most 4096 bytes in UTF-8, so that a checkpoint holds it unchanged
   * @param instant when it happened, in [{@link #MIN_INSTANT}, {@link #MAX_INSTANT})
   * @param resolvedByAgent whether the agent marked it resolved
   * @return {@code true} if accepted, {@code false} if it was late (and counted as such)
   * @throws IllegalArgumentException when the key breaks the rule or the instant is out of
   *     range, with a message naming the value and the rule; nothing is recorded then
   */
  public boolean add(String key, Instant instant, boolean resolvedByAgent) {
    Objects.requireNonNull(key, "key is null");
    if (!inRange(instant)) {
      Checks.notBlank(key, "key"); // a bad key is named first, a bad instant second
      millis(instant, "contact instant");
    }
    // The key rule is checked where the key is new to the table: a key found there is equal to
    // one that passed it (and the check costs as much as the lookup).
    return add(key, instant.toEpochMilli(), resolvedByAgent, false);
  }

  private static boolean inRange(@Nullable Instant instant) {
    return instant != null && !instant.isBefore(MIN_INSTANT) && instant.isBefore(MAX_INSTANT);
  }

  private static long millis(@Nullable Instant instant, String what) {
    if (instant == null) {
      throw new NullPointerException(what + " is null"); // no capturing lambda per contact
    }
    if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(MAX_INSTANT)) {
      throw new IllegalArgumentException(what + " " + instant + " is outside the accepted range ["
          + MIN_INSTANT + ", " + MAX_INSTANT + ")");
    }
    return instant.toEpochMilli();
  }

  private boolean add(String key, long t, boolean resolved, boolean keyChecked) {
    if (t <= watermark) {
      if (!keyChecked) {
        Checks.notBlank(key, "key");
      }
      late = Math.incrementExact(late);
      return false;
    }
    return addAbove(key, t, resolved, keyChecked, keys.keyHash(key));
  }

  /** Contacts of {@link #addAll} hashed, and their index slots loaded, before recording. */
  private static final int GROUP = 16;
  private final int[] groupHashes = new int[GROUP];
  /**
   * Where loads made only to bring memory into cache add up, so that the JIT keeps them: Java
   * has no prefetch, and a few independent loads in a short loop overlap their misses.
   */
  private long warmed;

  /**
   * Records contacts given as columns, those at indices {@code from} (inclusive) to {@code to}
   * (exclusive), in index order: the same as {@link #add(String, Instant, boolean)} for each in
   * turn, with the same result. It is faster where contacts come in batches (a file, a table,
   * a micro-batch): the keys of 16 contacts are hashed and their index slots loaded before any
   * is recorded, so that the cache misses of a large key set overlap instead of coming one
   * after another (16-29 % less time with a million customers in the README's runs).
   *
   * @param keys the contacts' keys, each under the rule of {@link #add(String, Instant,
   *     boolean)}
   * @param epochMillis their instants in milliseconds since the epoch, in
   *     [{@link #MIN_INSTANT}, {@link #MAX_INSTANT})
   * @param resolvedByAgent whether the agent marked each contact resolved
   * @param from the index of the first contact
   * @param to the index after the last contact
   * @return how many were accepted; the others were late (and are counted as such)
   * @throws IndexOutOfBoundsException when {@code [from, to)} is not within each array;
   *     nothing is recorded then
   * @throws NullPointerException when an array is null (nothing is recorded), or a key: its
   *     index is named, the contacts before it are recorded, it and those after are not
   * @throws IllegalArgumentException when a contact's key breaks the rule or its instant is out
   *     of range: its index and value are named, the contacts before it are recorded, it and
   *     those after are not
   * @since 0.1.0
   */
  public int addAll(String[] keys, long[] epochMillis, boolean[] resolvedByAgent, int from,
      int to) {
    Objects.requireNonNull(keys, "keys is null");
    Objects.requireNonNull(epochMillis, "epochMillis is null");
    Objects.requireNonNull(resolvedByAgent, "resolvedByAgent is null");
    Objects.checkFromToIndex(from, to, keys.length);
    Objects.checkFromToIndex(from, to, epochMillis.length);
    Objects.checkFromToIndex(from, to, resolvedByAgent.length);
    KeyTable table = this.keys;
    int[] hashes = groupHashes;
    int accepted = 0;
    for (int start = from; start < to; start += GROUP) {
      int end = Math.min(to, start + GROUP);
      boolean keyed = table.isKeyed();
      long w = 0;
      for (int i = start; i < end; i++) {
        String key = keys[i];
        int hash = key == null ? 0 : table.keyHash(key);
        hashes[i - start] = hash;
        w += table.touchIndex(hash);
      }
      warmed += w;
      for (int i = start; i < end; i++) {
        String key = keys[i];
        if (key == null) {
          throw new NullPointerException("keys[" + i + "] is null");
        }
        long t = epochMillis[i];
        boolean ok;
        try {
          if (t < 0 || t >= MAX_MILLIS) {
            Checks.notBlank(key, "key"); // as add: a bad key is named first, a bad instant second
            throw new IllegalArgumentException("epochMillis " + t + " (" + Instant.ofEpochMilli(t)
                + ") is outside the accepted range [" + MIN_INSTANT + ", " + MAX_INSTANT + ")");
          }
          if (t <= watermark) {
            ok = add(key, t, resolvedByAgent[i], false);
          } else {
            // A flood seen within the group switched the table to SipHash: hash again.
            ok = addAbove(key, t, resolvedByAgent[i], false,
                table.isKeyed() == keyed ? hashes[i - start] : table.keyHash(key));
          }
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("contact " + i + ": " + e.getMessage(), e);
        }
        if (ok) {
          accepted++;
        }
      }
    }
    return accepted;
  }

  private boolean addAbove(String key, long t, boolean resolved, boolean keyChecked, int hash) {
    long n = Math.incrementExact(contacts);
    int id = keys.find(key, hash);
    // The steps that may fail (the key rule, capacity) come before any change.
    if (id < 0 && !keyChecked) {
      Checks.notBlank(key, "key");
    }
    arrivals.checkRoom();
    if (id < 0) {
      id = keys.add(key, hash);
    }
    arrivals.push(KeyState.encode(t, resolved), id);
    contacts = n;
    keys.page(id)[KeyTable.offset(id) + STATE] += SIZE_ONE;
    if (t > maxSeen) {
      maxSeen = t;
      // Late means strictly before maxSeen - lateness: the watermark sits 1 ms below that.
      if (definition.derivedWatermark() && t - lateness - 1 > watermark) {
        advanceTo(t - lateness - 1);
      }
    }
    return true;
  }

  /**
   * Moves the watermark: every contact at or below it has arrived, so that what it makes
   * final is decided, and a contact at or below it that still arrives is late.
   *
   * @param instant the new watermark, not below the current one
   * @throws IllegalArgumentException when it would move backwards or is out of range
   */
  public void advanceWatermark(Instant instant) {
    long t = millis(instant, "watermark");
    if (t < watermark) {
      throw new IllegalArgumentException("watermark must not move backwards: " + instant
          + " is before the current " + Instant.ofEpochMilli(watermark));
    }
    advanceTo(t);
  }

  /**
   * Declares that no more contacts will come: decides every pending episode and contact.
   * Contacts recorded afterwards are late.
   */
  public void endOfInput() {
    advanceTo(Long.MAX_VALUE);
    // Everything is decided: the tables sized for the peak of pending keys go back to the heap.
    keys.trimIfEmpty();
    arrivals.trimIfEmpty();
    decisions.trimIfEmpty();
  }

  /**
   * The watermark, or {@code null} before it first moves. A derived watermark is one
   * millisecond below the largest instant seen minus the allowed lateness.
   *
   * @return the watermark
   */
  public @Nullable Instant watermark() {
    if (watermark == Long.MIN_VALUE) {
      return null;
    }
    return watermark == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(watermark);
  }

  /** Decisions whose records, then index slots, are loaded ahead at a time. */
  private static final int WARM_AHEAD = 32;

  /**
   * Loads, in two short loops whose misses overlap, the index slots and key entries of the
   * decisions whose records were loaded before, then the records of the next
   * {@link #WARM_AHEAD}: deciding a key a window after its contact misses the cache on its
   * record and, when it is evicted, on its index slot (7 % less time, one contact at a time,
   * with a million customers).
   */
  private void warm(DecisionQueue d) {
    long w = 0;
    KeyTable keys = this.keys;
    for (int k = d.warmSlots; k < d.warmRecords; k++) {
      w += keys.touchSlot(d.idAt(k));
    }
    d.warmSlots = d.warmRecords;
    int to = Math.min(d.size(), d.warmRecords + WARM_AHEAD);
    for (int k = d.warmRecords; k < to; k++) {
      w += keys.touchRecord(d.idAt(k));
    }
    d.warmRecords = to;
    warmed += w;
  }

  /**
   * Processes contacts and decisions up to the watermark, in time order across all keys; a
   * contact at exactly a decision's due time is inside the window and goes first.
   */
  private void advanceTo(long wm) {
    watermark = wm;
    DueQueue arrivals = this.arrivals;
    DecisionQueue decisions = this.decisions;
    while (true) {
      long arrival = arrivals.size() == 0 ? Long.MAX_VALUE : KeyState.time(arrivals.peekOrder());
      long decision = decisions.peekTime();
      if (arrivals.size() > 0 && arrival <= wm && arrival <= decision) {
        long code = arrivals.peekOrder();
        int id = arrivals.peekId();
        arrivals.pop();
        processContact(id, code);
      } else if (decisions.size() > 0 && decision <= wm) {
        if (decisions.warmSlots < 4) {
          warm(decisions);
        }
        int id = decisions.peekId();
        decisions.pop();
        decide(id, decision);
      } else {
        return;
      }
    }
  }

  /** The timer of a processed contact fired: decide what is due now for its key. */
  private void decide(int id, long due) {
    long[] r = keys.page(id);
    int o = KeyTable.offset(id);
    long st = r[o + STATE];
    if ((st & PREV_OPEN) != 0 && KeyState.time(r[o + PREV]) + window == due) {
      st &= ~PREV_OPEN;
      contactsDecided++;
      track(KeyState.time(r[o + PREV]), CONTACT);
    }
    if ((st & EPISODE_OPEN) != 0 && KeyState.time(r[o + FIRST]) + window == due) {
      episodesDecided++;
      episodesOpen--;
      boolean resolved = (st & EPISODE_MULTI) == 0
          && (!requireAgentResolved || KeyState.resolved(r[o + FIRST]));
      if (resolved) {
        episodesResolved++;
      }
      track(KeyState.time(r[o + FIRST]), resolved ? EPISODE_RESOLVED : EPISODE);
      st &= ~EPISODE_OPEN;
    }
    r[o + STATE] = st;
    // Decided: a later contact of this key starts afresh. A second entry of the same due time
    // finds the id already free.
    if (KeyState.isIdle(st) && r[o + SLOT] != FREE) {
      keys.remove(id);
    }
  }

  /** A contact reached by the watermark: it leaves the arrival queue and joins its key. */
  private void processContact(int id, long code) {
    long[] r = keys.page(id);
    int o = KeyTable.offset(id);
    long st = r[o + STATE] - SIZE_ONE;
    long prev = r[o + PREV];
    if (duplicatesMode && prev != NONE && KeyState.time(prev) == KeyState.time(code)) {
      // A copy of the previous contact. Codes of one instant come unresolved first, so the
      // merged contact ends up marked resolved if any copy is.
      duplicates++;
      if (r[o + FIRST] == prev) {
        r[o + FIRST] = code;
      }
      r[o + PREV] = code;
      r[o + STATE] = st;
      return;
    }
    boolean followsWithinWindow = (st & PREV_OPEN) != 0;
    if (followsWithinWindow) {
      // The previous contact's window is still open, so this contact is its repeat.
      contactsDecided++;
      contactsRepeated++;
      track(KeyState.time(prev), CONTACT_REPEATED);
      st &= ~PREV_OPEN;
    }
    boolean joins = gapChained ? followsWithinWindow : (st & EPISODE_OPEN) != 0;
    if (joins) {
      if ((st & EPISODE_OPEN) != 0) {
        st |= EPISODE_MULTI;
      }
    } else {
      r[o + FIRST] = code;
      st = (st | EPISODE_OPEN) & ~EPISODE_MULTI;
      episodesOpen++;
    }
    r[o + PREV] = code;
    r[o + STATE] = st | PREV_OPEN;
    decisions.push(KeyState.time(code) + window, id);
  }

  private void track(long millis, int kind) {
    long[] d = decided;
    if (d == null) {
      return;
    }
    if (decidedCount == d.length) {
      d = Arrays.copyOf(d, 2 * d.length);
      decided = d;
    }
    d[decidedCount++] = millis << 2 | kind;
  }

  /**
   * From now on, keeps each outcome as it is decided, until {@link #drainDecided} moves it: a
   * contact followed by a repeat or not, at the contact's instant; an episode resolved or not,
   * at its first contact's instant. This is how a report by window attributes repeat-contact
   * FCR: the episodes that start in a window, decided with the contacts that follow in the
   * next one (a scorecard feeds one tracking aggregator per segment, across all windows).
   * What is kept is not part of {@link #toBytes()}; drain it before a checkpoint.
   *
   * @return this aggregator
   * @since 0.1.0
   */
  public RepeatContactAggregator trackingDecisions() {
    if (decided == null) {
      decided = new long[16];
    }
    return this;
  }

  /**
   * Whether outcomes are kept for {@link #drainDecided} (see {@link #trackingDecisions()}).
   *
   * @return {@code true} when tracking
   * @since 0.1.0
   */
  public boolean isTrackingDecisions() {
    return decided != null;
  }

  /**
   * Moves the outcomes decided since the last call into the aggregators that {@code into}
   * returns for their instants (e.g. one per window): each target counts them as decided
   * contacts and episodes, with nothing pending. Does nothing unless tracking.
   *
   * @param into the aggregator for an instant; of the same definition, not this one
   * @throws IllegalArgumentException when a target has another definition or is this
   *     aggregator; the outcomes moved before it stay moved, the rest stay here
   * @since 0.1.0
   */
  public void drainDecided(Function<Instant, RepeatContactAggregator> into) {
    Objects.requireNonNull(into, "into is null");
    long[] d = decided;
    if (d == null) {
      return;
    }
    int i = 0;
    try {
      for (; i < decidedCount; i++) {
        long code = d[i];
        RepeatContactAggregator target = into.apply(Instant.ofEpochMilli(code >> 2));
        if (target == this || !definition.equals(target.definition)) {
          throw new IllegalArgumentException("cannot move decided outcomes into "
              + (target == this ? "the aggregator itself" : "an aggregator of " + target.definition));
        }
        target.addDecided((int) (code & 3));
      }
    } finally {
      System.arraycopy(d, i, d, 0, decidedCount - i);
      decidedCount -= i;
      if (decidedCount == 0 && d.length > 1024) {
        decided = new long[16]; // the end of a stream decides everything at once: give it back
      }
    }
  }

  private void addDecided(int kind) {
    if (kind == EPISODE || kind == EPISODE_RESOLVED) {
      episodesDecided = Math.incrementExact(episodesDecided);
      if (kind == EPISODE_RESOLVED) {
        episodesResolved++;
      }
    } else {
      // A decided contact counts as accepted and decided, so that nothing looks pending.
      contacts = Math.incrementExact(contacts);
      contactsDecided++;
      if (kind == CONTACT_REPEATED) {
        contactsRepeated++;
      }
    }
  }

  /**
   * What is decided so far, what is pending, and what came late.
   *
   * @return the result
   */
  public RepeatContactResult result() {
    return new RepeatContactResult(definition, contacts, late, contactsDecided, contactsRepeated,
        episodesDecided, episodesResolved, episodesOpen, keys.size(), duplicates);
  }

  /**
   * Contacts accepted (not late).
   *
   * @return the count
   */
  public long count() {
    return contacts;
  }

  /**
   * Whether nothing was recorded, not even a late contact.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return contacts == 0 && late == 0;
  }

  /**
   * The keys with state in memory.
   *
   * @return their number
   */
  public int pendingKeys() {
    return keys.size();
  }

  /**
   * Empties the aggregator, as if new: no contacts, no pending state, no watermark. The
   * definition stays, and so does tracking of decided outcomes (with nothing kept).
   *
   * @return this aggregator
   * @since 0.1.0
   */
  public RepeatContactAggregator reset() {
    keys.clear();
    arrivals.clear();
    decisions.clear();
    keys.trimIfEmpty();
    arrivals.trimIfEmpty();
    decisions.trimIfEmpty();
    watermark = Long.MIN_VALUE;
    maxSeen = Long.MIN_VALUE;
    contacts = 0;
    late = 0;
    duplicates = 0;
    contactsDecided = 0;
    contactsRepeated = 0;
    episodesDecided = 0;
    episodesResolved = 0;
    episodesOpen = 0;
    if (decided != null) {
      decided = new long[16];
      decidedCount = 0;
    }
    return this;
  }

  /**
   * What the aggregator holds, for logs: its result as a line (see
   * {@link RepeatContactResult#toString()}) and the watermark.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "repeat-contact FCR aggregator: " + result() + ", watermark "
        + (watermark == Long.MIN_VALUE ? "not set" : String.valueOf(watermark()));
  }

  /**
   * An independent copy: same definition, watermark, counts and pending state.
   *
   * @return the copy
   * @since 0.1.0
   */
  public RepeatContactAggregator copy() {
    RepeatContactAggregator c = new RepeatContactAggregator(definition);
    c.watermark = watermark;
    c.maxSeen = maxSeen;
    c.contacts = contacts;
    c.late = late;
    c.duplicates = duplicates;
    c.contactsDecided = contactsDecided;
    c.contactsRepeated = contactsRepeated;
    c.episodesDecided = episodesDecided;
    c.episodesResolved = episodesResolved;
    c.episodesOpen = episodesOpen;
    if (decided != null) {
      c.decided = Arrays.copyOf(decided, decided.length);
      c.decidedCount = decidedCount;
    }
    // Same ids, so the queues copy as they are (between calls no entry refers to a free id).
    c.keys = keys.copy();
    c.arrivals = arrivals.copy();
    c.decisions = decisions.copy();
    return c;
  }

  /**
   * Merges an aggregator that saw a disjoint set of keys (another partition of the same
   * stream), or, while neither side has a watermark yet (nothing processed: whole-input use,
   * {@code withDerivedWatermark(false)} before {@code endOfInput}), any other part of the same
   * stream: the pending contacts of a key both hold join. Failure-atomic: every check comes
   * before any change, so on an exception this aggregator is unchanged. The merged watermark is
   * the larger of the two; pending state of both sides is then decided up to it.
   *
   * @param other the other aggregator; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the definitions differ, a key is held by both after
   *     contacts were processed, or {@code other} is this aggregator
   * @throws ArithmeticException when a merged count would overflow a {@code long}
   */
  public RepeatContactAggregator merge(RepeatContactAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (other == this) {
      throw new IllegalArgumentException("cannot merge an aggregator with itself: its keys overlap");
    }
    if (!definition.equals(other.definition)) {
      throw new IllegalArgumentException("cannot merge aggregators of different definitions: "
          + definition + " and " + other.definition);
    }
    if (isTrackingDecisions() != other.isTrackingDecisions()) {
      throw new IllegalArgumentException("cannot merge an aggregator that tracks decided "
          + "outcomes with one that does not");
    }
    // Before either side has processed a contact (no watermark yet: whole-input use, as in a
    // scorecard split across threads), every key holds only pending contacts, and the pending
    // contacts of a key both sides hold simply join. Once contacts are processed, a key's
    // episodes live on one side only: then the key sets must be disjoint.
    boolean unprocessed = watermark == Long.MIN_VALUE && other.watermark == Long.MIN_VALUE;
    if (!unprocessed) {
      for (int id : other.keys.ids()) {
        String key = other.keys.key(id);
        if (keys.find(key, keys.keyHash(key)) >= 0) {
          throw new IllegalArgumentException("cannot merge aggregators that both hold key '"
              + Checks.start(key) + "' after contacts were processed: merge is for disjoint "
              + "key sets (partitions by key), or for aggregators that have no watermark yet");
        }
      }
    }
    // Every other count is at most the contacts, so these two cover all sums.
    long mergedContacts = Math.addExact(contacts, other.contacts);
    long mergedLate = Math.addExact(late, other.late);
    // Both sides are brought to the merged watermark first, so that both decision queues hold
    // only contacts at or below it and merge into one queue in time order.
    RepeatContactAggregator o = other.copy();
    long wm = Math.max(watermark, o.watermark);
    advanceTo(wm);
    o.advanceTo(wm);
    contacts = mergedContacts;
    late = mergedLate;
    duplicates += o.duplicates;
    contactsDecided += o.contactsDecided;
    contactsRepeated += o.contactsRepeated;
    episodesDecided += o.episodesDecided;
    episodesResolved += o.episodesResolved;
    episodesOpen += o.episodesOpen;
    long[] theirs = o.decided;
    for (int i = 0; theirs != null && i < o.decidedCount; i++) {
      track(theirs[i] >> 2, (int) (theirs[i] & 3));
    }
    maxSeen = Math.max(maxSeen, o.maxSeen);
    // A key held by both sides (only when unprocessed): its pending contacts join this side's
    // state for the key, which then counts them.
    // Their ids become ours: a key only they hold gets a new id with their state.
    int[] ours = new int[o.keys.idLimit()];
    for (int id : o.keys.ids()) {
      String key = o.keys.key(id);
      // Hashed as this table hashes (the other may hash with SipHash after a flood, or not).
      int hash = keys.keyHash(key);
      int mine = keys.find(key, hash);
      if (mine < 0) {
        mine = keys.add(key, hash);
        keys.setWord(mine, PREV, o.keys.word(id, PREV));
        keys.setWord(mine, FIRST, o.keys.word(id, FIRST));
        keys.setWord(mine, STATE, o.keys.word(id, STATE));
      } else {
        keys.setWord(mine, STATE, keys.word(mine, STATE)
            + (o.keys.word(id, STATE) & -SIZE_ONE));
      }
      ours[id] = mine;
    }
    for (int i = 0; i < o.arrivals.size(); i++) {
      arrivals.push(o.arrivals.orderAt(i), ours[o.arrivals.idAt(i)]);
    }
    DueQueue byDue = new DueQueue();
    for (int i = 0; i < decisions.size(); i++) {
      byDue.push(decisions.dueAt(i), decisions.idAt(i));
    }
    for (int i = 0; i < o.decisions.size(); i++) {
      byDue.push(o.decisions.dueAt(i), ours[o.decisions.idAt(i)]);
    }
    decisions.clear();
    drainInto(byDue, decisions);
    return this;
  }

  static void drainInto(DueQueue byDue, DecisionQueue decisions) {
    while (byDue.size() > 0) {
      decisions.push(byDue.peekOrder(), byDue.peekId());
      byDue.pop();
    }
  }

  /**
   * Serializes the aggregator with its pending state (keys in sorted order, so that equal
   * states give equal bytes): the bytes of {@link #writeTo(OutputStream)}, in one array.
   *
   * @return the bytes, which {@link Fcr#repeatContactFromBytes(byte[])} reads
   * @throws IllegalStateException when the checkpoint would exceed {@link #MAX_ARRAY_BYTES}
   *     (checked before anything is allocated for it); use {@link #writeTo(OutputStream)}
   */
  public byte[] toBytes() {
    return RepeatContactCodec.toBytes(this, MAX_ARRAY_BYTES);
  }

  /** {@link #toBytes()} with another limit, so that the limit logic can be tested. */
  byte[] toBytes(long limit) {
    return RepeatContactCodec.toBytes(this, limit);
  }

  /**
   * Writes the checkpoint (the same bytes as {@link #toBytes()}) to a stream, at any size,
   * through a small buffer: memory beyond the state itself is a sorted index of the pending
   * keys and contacts (about 35 bytes per key and 8 per pending contact). The stream is
   * flushed, not closed.
   *
   * @param out the stream
   * @return the number of bytes written
   * @throws IOException when the stream fails
   * @since 0.1.0
   */
  public long writeTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out is null");
    return RepeatContactCodec.writeTo(this, out);
  }

  static RepeatContactAggregator readFrom(FrameInput r) throws IOException {
    return RepeatContactCodec.readFrom(r);
  }
}
