package io.github.cxkpi.fcr;

import static io.github.cxkpi.fcr.KeyState.EPISODE_MULTI;
import static io.github.cxkpi.fcr.KeyState.EPISODE_OPEN;
import static io.github.cxkpi.fcr.KeyState.NONE;
import static io.github.cxkpi.fcr.KeyState.PREV_OPEN;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.ServiceContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * is advanced by {@link #advanceWatermark(Instant)}, or derived from the largest instant seen
 * minus the allowed lateness; it never moves backwards. An episode is decided when the
 * watermark reaches its first contact plus the window; a contact's repeat status when it
 * reaches the contact plus the window. A contact at or below the watermark is <b>late</b>: it
 * is counted in {@link RepeatContactResult#lateContacts()} and changes nothing else, never
 * silently dropped and never silently mixed in. {@link #endOfStream()} decides everything.
 * Instants are taken at millisecond precision and must lie in [1970-01-01, 2200-01-01).
 *
 * <p><b>Memory</b> grows with the keys that have something pending (a contact within the
 * window of the watermark), not with history: a key whose state is decided is evicted. A
 * pending key costs about 106 bytes of heap besides its key string on a 64-bit JVM with
 * compressed references (measured with one million pending keys by the {@code FcrMemory}
 * program of the benchmarks: a 40-byte state, a hash-map entry, its timer), and about 30 bytes
 * in a checkpoint.
 *
 * <p><b>Merge</b> combines aggregators that saw disjoint key sets (the partitions of a job
 * keyed by the FCR key) exactly; the merged watermark is the larger of the two. An aggregator
 * serializes with its pending state, so that a checkpoint restored gives the same final result
 * as no checkpoint.
 *
 * <p><b>Not thread-safe</b>: one thread at a time; partition by key for parallelism.
 */
public final class RepeatContactAggregator {
  /** The earliest instant accepted. */
  public static final Instant MIN_INSTANT = Instant.EPOCH;

  /** The first instant no longer accepted. */
  public static final Instant MAX_INSTANT = Instant.parse("2200-01-01T00:00:00Z");

  private static final long MAX_MILLIS = MAX_INSTANT.toEpochMilli();

  private final RepeatContactDefinition definition;
  private final long window;
  private final long lateness;
  private final Map<String, KeyState> keys = new HashMap<>();
  private final DueQueue arrivals = new DueQueue();
  private final DecisionQueue decisions = new DecisionQueue();
  private long watermark = Long.MIN_VALUE;
  private long maxSeen = Long.MIN_VALUE;
  private long contacts;
  private long late;
  private long contactsDecided;
  private long contactsRepeated;
  private long episodesDecided;
  private long episodesResolved;
  private long episodesOpen;

  RepeatContactAggregator(RepeatContactDefinition definition) {
    this.definition = Objects.requireNonNull(definition, "definition is null");
    this.window = definition.window().toMillis();
    this.lateness = definition.allowedLateness().toMillis();
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
   * Records a service contact under the definition's key.
   *
   * @param contact the contact
   * @return {@code true} if accepted, {@code false} if it was late (and counted as such)
   * @throws IllegalArgumentException when the instant is out of range, or the key is missing
   */
  public boolean accept(ServiceContact contact) {
    Objects.requireNonNull(contact, "contact is null");
    return add(definition.key().of(contact), contact.instant(), contact.resolvedByAgent());
  }

  /**
   * Records a contact.
   *
   * @param key the contact's key (see {@link FcrKey}): not blank
   * @param instant when it happened, in [{@link #MIN_INSTANT}, {@link #MAX_INSTANT})
   * @param resolvedByAgent whether the agent marked it resolved
   * @return {@code true} if accepted, {@code false} if it was late (and counted as such)
   */
  public boolean add(String key, Instant instant, boolean resolvedByAgent) {
    Objects.requireNonNull(key, "key is null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank, was '" + key + "'");
    }
    return add(key, millis(instant, "contact instant"), resolvedByAgent);
  }

  private static long millis(Instant instant, String what) {
    Objects.requireNonNull(instant, () -> what + " is null");
    if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(MAX_INSTANT)) {
      throw new IllegalArgumentException(what + " " + instant + " is outside the accepted range ["
          + MIN_INSTANT + ", " + MAX_INSTANT + ")");
    }
    return instant.toEpochMilli();
  }

  private boolean add(String key, long t, boolean resolved) {
    if (t <= watermark) {
      late = Math.incrementExact(late);
      return false;
    }
    contacts = Math.incrementExact(contacts);
    KeyState s = keys.get(key);
    if (s == null) {
      s = new KeyState(key);
      keys.put(key, s);
    }
    s.size++;
    arrivals.push(KeyState.encode(t, resolved), s);
    if (t > maxSeen) {
      maxSeen = t;
      if (definition.derivedWatermark() && t - lateness > watermark) {
        advanceTo(t - lateness);
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
  public void endOfStream() {
    advanceTo(Long.MAX_VALUE);
  }

  /**
   * The watermark, or {@code null} before it first moves.
   *
   * @return the watermark
   */
  public @Nullable Instant watermark() {
    if (watermark == Long.MIN_VALUE) {
      return null;
    }
    return watermark == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(watermark);
  }

  /**
   * Processes contacts and decisions up to the watermark, in time order across all keys; a
   * contact at exactly a decision's due time is inside the window and goes first.
   */
  private void advanceTo(long wm) {
    watermark = wm;
    while (true) {
      long arrival = arrivals.size() == 0 ? Long.MAX_VALUE : KeyState.time(arrivals.peekTime());
      long decision = decisions.peekTime();
      if (arrivals.size() > 0 && arrival <= wm && arrival <= decision) {
        long code = arrivals.peekTime();
        KeyState s = arrivals.peekState();
        arrivals.pop();
        s.size--;
        processContact(s, code);
      } else if (decisions.size() > 0 && decision <= wm) {
        KeyState s = decisions.peekState();
        decisions.pop();
        decide(s, decision);
      } else {
        return;
      }
    }
  }

  /** The timer of a processed contact fired: decide what is due now for its key. */
  private void decide(KeyState s, long due) {
    if (s.has(PREV_OPEN) && KeyState.time(s.prev) + window == due) {
      s.flags &= ~PREV_OPEN;
      contactsDecided++;
    }
    if (s.has(EPISODE_OPEN) && KeyState.time(s.first) + window == due) {
      decideEpisode(s);
    }
    if (s.isIdle() && keys.get(s.key) == s) {
      keys.remove(s.key); // decided: a later contact of this key starts afresh
    }
  }

  private void processContact(KeyState s, long code) {
    boolean followsWithinWindow = s.has(PREV_OPEN);
    if (followsWithinWindow) {
      // The previous contact's window is still open, so this contact is its repeat.
      contactsDecided++;
      contactsRepeated++;
      s.flags &= ~PREV_OPEN;
    }
    boolean joins = definition.mode() == EpisodeMode.GAP_CHAINED
        ? followsWithinWindow : s.has(EPISODE_OPEN);
    if (joins) {
      if (s.has(EPISODE_OPEN)) {
        s.flags |= EPISODE_MULTI;
      }
    } else {
      s.first = code;
      s.flags = (s.flags | EPISODE_OPEN) & ~EPISODE_MULTI;
      episodesOpen++;
    }
    s.prev = code;
    s.flags |= PREV_OPEN;
    decisions.push(KeyState.time(code) + window, s);
  }

  private void decideEpisode(KeyState s) {
    episodesDecided++;
    episodesOpen--;
    if (!s.has(EPISODE_MULTI)
        && (!definition.requireAgentResolved() || KeyState.resolved(s.first))) {
      episodesResolved++;
    }
    s.flags &= ~EPISODE_OPEN;
  }

  /**
   * What is decided so far, what is pending, and what came late.
   *
   * @return the result
   */
  public RepeatContactResult result() {
    return new RepeatContactResult(definition, contacts, late, contactsDecided, contactsRepeated,
        episodesDecided, episodesResolved, episodesOpen, keys.size());
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
   * Merges an aggregator that saw a disjoint set of keys (another partition of the same
   * stream). Failure-atomic: nothing changes when a key is shared or the definitions differ.
   * The merged watermark is the larger of the two; pending state of the other side is then
   * decided up to it.
   *
   * @param other the other aggregator; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the definitions differ or a key was seen by both
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
    for (String k : other.keys.keySet()) {
      if (keys.containsKey(k)) {
        throw new IllegalArgumentException("cannot merge aggregators that both hold key '" + k
            + "': merge is for disjoint key sets (partitions by key)");
      }
    }
    Math.addExact(contacts, other.contacts); // every other count is at most the contacts
    Math.addExact(late, other.late);
    // Both sides are brought to the merged watermark first, so that both decision queues hold
    // only contacts at or below it and merge into one queue in time order.
    RepeatContactAggregator o = Fcr.repeatContactFromBytes(other.toBytes());
    long wm = Math.max(watermark, o.watermark);
    advanceTo(wm);
    o.advanceTo(wm);
    contacts += o.contacts;
    late += o.late;
    contactsDecided += o.contactsDecided;
    contactsRepeated += o.contactsRepeated;
    episodesDecided += o.episodesDecided;
    episodesResolved += o.episodesResolved;
    episodesOpen += o.episodesOpen;
    maxSeen = Math.max(maxSeen, o.maxSeen);
    keys.putAll(o.keys);
    o.arrivals.forEach((st, code) -> arrivals.push(code, st));
    List<Object[]> events = new ArrayList<>();
    decisions.forEach((st, due) -> events.add(new Object[] {due, st}));
    o.decisions.forEach((st, due) -> events.add(new Object[] {due, st}));
    events.sort(Comparator.comparingLong(e -> (Long) e[0]));
    decisions.clear();
    for (Object[] e : events) {
      decisions.push((Long) e[0], (KeyState) e[1]);
    }
    return this;
  }

  /**
   * Serializes the aggregator with its pending state (keys in sorted order, so that equal
   * states give equal bytes).
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    definition.writeTo(w);
    w.putSignedLong(watermark).putSignedLong(maxSeen);
    w.putVarLong(contacts).putVarLong(late).putVarLong(contactsDecided).putVarLong(contactsRepeated)
        .putVarLong(episodesDecided).putVarLong(episodesResolved).putVarLong(episodesOpen);
    List<KeyState> states = new ArrayList<>(keys.values());
    states.sort(Comparator.comparing(s -> s.key));
    Map<KeyState, List<Long>> pending = new java.util.IdentityHashMap<>();
    arrivals.forEach((st, code) -> pending.computeIfAbsent(st, k -> new ArrayList<>()).add(code));
    w.putVarLong(states.size());
    for (KeyState s : states) {
      List<Long> codes = pending.getOrDefault(s, List.of());
      w.putString(s.key).putSignedLong(s.prev).putSignedLong(s.first).putVarLong(s.flags)
          .putVarLong(codes.size());
      codes.stream().sorted().forEach(w::putSignedLong);
    }
    return w.finish();
  }

  static RepeatContactAggregator readFrom(FrameReader r) {
    RepeatContactAggregator a = new RepeatContactAggregator(RepeatContactDefinition.readFrom(r));
    a.watermark = r.getSignedLong("watermark");
    a.maxSeen = r.getSignedLong("maxSeen");
    a.contacts = r.getVarLong("contacts");
    a.late = r.getVarLong("late");
    a.contactsDecided = r.getVarLong("contactsDecided", 0, a.contacts);
    a.contactsRepeated = r.getVarLong("contactsRepeated", 0, a.contactsDecided);
    a.episodesDecided = r.getVarLong("episodesDecided", 0, a.contacts);
    a.episodesResolved = r.getVarLong("episodesResolved", 0, a.episodesDecided);
    a.episodesOpen = r.getVarLong("episodesOpen", 0, a.contacts);
    long count = r.getVarLong("keys");
    // A key takes at least 2 (string) + 4 (two longs) + 2 (flags, size) bytes.
    r.requireRemaining(count * 8, "keys");
    long open = 0;
    long pendingContacts = 0;
    List<Object[]> events = new ArrayList<>();
    @Nullable String previousKey = null;
    for (long i = 0; i < count; i++) {
      String key = r.getString("key");
      r.check(!key.isBlank(), "key", "blank key");
      r.check(previousKey == null || previousKey.compareTo(key) < 0, "key",
          "keys not in strictly increasing order at '" + key + "'");
      previousKey = key;
      KeyState s = new KeyState(key);
      s.prev = r.getSignedLong("prev");
      s.first = r.getSignedLong("first");
      s.flags = (int) r.getVarLong("flags", 0, KeyState.ALL_FLAGS);
      int size = (int) r.getVarLong("pending contacts", 0, 1 << 20);
      r.requireRemaining(size, "pending contacts");
      checkCode(r, s.prev, "prev", s.has(PREV_OPEN) || s.prev != NONE);
      checkCode(r, s.first, "first", s.has(EPISODE_OPEN) || s.first != NONE);
      r.check(s.prev == NONE || KeyState.time(s.prev) <= a.watermark, "prev",
          "a processed contact above the watermark");
      if (s.has(EPISODE_OPEN)) {
        open++;
        r.check(s.prev != NONE && s.first != NONE && s.first <= s.prev, "first",
            "open episode without consistent first and previous contacts");
      }
      if (s.has(PREV_OPEN)) {
        r.check(KeyState.time(s.prev) + a.window > a.watermark, "prev",
            "open contact whose window the watermark has passed");
        events.add(new Object[] {KeyState.time(s.prev) + a.window, s});
      }
      if (s.has(EPISODE_OPEN)) {
        r.check(KeyState.time(s.first) + a.window > a.watermark, "first",
            "open episode whose window the watermark has passed");
        if (s.first != s.prev) {
          events.add(new Object[] {KeyState.time(s.first) + a.window, s});
        }
      }
      long last = Long.MIN_VALUE;
      for (int k = 0; k < size; k++) {
        long code = r.getSignedLong("pending contact");
        checkCode(r, code, "pending contact", true);
        r.check(code >= last, "pending contact", "pending contacts not sorted");
        r.check(KeyState.time(code) > a.watermark, "pending contact",
            "pending contact at or below the watermark");
        r.check(s.prev == NONE || code >= s.prev, "pending contact",
            "pending contact before the key's last processed one");
        last = code;
        s.size++;
        a.arrivals.push(code, s);
      }
      pendingContacts += size + (s.has(PREV_OPEN) ? 1 : 0);
      r.check(!s.isIdle(), "key", "idle key '" + key + "' should have been evicted");
      a.keys.put(key, s);
    }
    events.sort(Comparator.comparingLong(e -> (Long) e[0]));
    for (Object[] e : events) {
      a.decisions.push((Long) e[0], (KeyState) e[1]);
    }
    r.check(open == a.episodesOpen, "episodesOpen",
        "declares " + a.episodesOpen + " open episodes, keys hold " + open);
    r.check(a.contacts - a.contactsDecided == pendingContacts, "contacts",
        "undecided contacts " + (a.contacts - a.contactsDecided) + " do not match the "
            + pendingContacts + " the keys hold");
    r.finish();
    return a;
  }

  private static void checkCode(FrameReader r, long code, String field, boolean present) {
    if (!present) {
      return;
    }
    r.check(code >= 0 && KeyState.time(code) < MAX_MILLIS, field,
        "contact code " + code + " out of range");
  }
}
