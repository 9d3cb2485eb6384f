package io.github.cxkpi.flink;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactDefinition;
import io.github.cxkpi.fcr.RepeatContactResult;
import java.io.IOException;
import java.io.Serial;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Repeat-contact FCR on Flink's event time: key the contacts with {@link #keySelector()} (the
 * definition's FCR key), and this function keeps each key's pending state in Flink's keyed
 * state (a cxkpi {@link RepeatContactAggregator} serialized with the cxkpi codec, so that it
 * survives checkpoints and savepoints) and decides with event-time timers at each contact and
 * at each contact plus the window. It emits {@link FcrDecisions} as things become final; a
 * contact at or below the current watermark goes to the {@link #LATE} side output, counted
 * there, never silently dropped. Decided state is cleared: state grows with the active keys.
 *
 * <p>Flink's watermark strategy takes the role of the definition's allowed lateness; the
 * definition's key, window, episode mode and agent-mark rule apply as they do in the library.
 *
 * @since 0.1.0
 */
public final class RepeatContactFcrFunction
    extends KeyedProcessFunction<String, ServiceContact, FcrDecisions> {
  @Serial private static final long serialVersionUID = 1L;

  /** The side output of late contacts. */
  public static final OutputTag<ServiceContact> LATE =
      new OutputTag<>("cxkpi-late-contacts", CxkpiTypes.serviceContacts());

  // The definition travels as the codec's bytes of an empty aggregator (records of the
  // library are not java.io.Serializable); the FCR key and window are kept for the hot path.
  /** The codec's bytes of an empty aggregator: the definition, in serializable form. */
  private final byte[] empty;
  /** The definition's FCR key. */
  private final io.github.cxkpi.fcr.FcrKey key;
  /** The definition's window, in milliseconds. */
  private final long window;
  private transient ValueState<RepeatContactAggregator> state;

  /**
   * A function for a definition.
   *
   * @param definition the definition (its lateness and watermark mode are Flink's business)
   */
  public RepeatContactFcrFunction(RepeatContactDefinition definition) {
    // The per-key aggregator is driven by Flink's timers, never by its own derived watermark.
    RepeatContactDefinition d = Objects.requireNonNull(definition, "definition is null")
        .withDerivedWatermark(false);
    this.empty = Fcr.repeatContactAggregator(d).toBytes();
    this.key = d.key();
    this.window = d.window().toMillis();
  }

  /**
   * The key selector of the definition's FCR key.
   *
   * @return the key selector
   */
  public KeySelector<ServiceContact, String> keySelector() {
    io.github.cxkpi.fcr.FcrKey k = key;
    return c -> k.of(c);
  }

  /**
   * The output's type information.
   *
   * @return the type information
   */
  public static TypeInformation<FcrDecisions> outputType() {
    return new SerializerTypeInfo<>(FcrDecisions.class,
        FcrDecisionsSerializer.INSTANCE);
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("cxkpi-fcr",
        CxkpiTypes.aggregators(io.github.cxkpi.flink.AggregatorKind.REPEAT_FCR)));
  }

  @Override
  public void processElement(ServiceContact contact, Context ctx, Collector<FcrDecisions> out)
      throws IOException {
    long t = contact.instant().toEpochMilli();
    if (t <= ctx.timerService().currentWatermark()) {
      ctx.output(LATE, contact);
      return;
    }
    RepeatContactAggregator a = state.value();
    if (a == null) {
      a = Fcr.repeatContactFromBytes(empty);
    }
    if (!a.add(ctx.getCurrentKey(), contact.instant(), contact.resolvedByAgent())) {
      // Below this key's own decisions (possible after a restore, whose watermark restarts):
      // late for this key, so it goes where late contacts go.
      ctx.output(LATE, contact);
      return;
    }
    state.update(a);
    ctx.timerService().registerEventTimeTimer(t);
    ctx.timerService().registerEventTimeTimer(t + window);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FcrDecisions> out)
      throws IOException {
    RepeatContactAggregator a = state.value();
    if (a == null) {
      return; // a timer of a key whose state was already decided and cleared
    }
    RepeatContactResult before = a.result();
    a.advanceWatermark(Instant.ofEpochMilli(timestamp));
    RepeatContactResult after = a.result();
    FcrDecisions d = new FcrDecisions(ctx.getCurrentKey(),
        after.contactsDecided() - before.contactsDecided(),
        after.contactsRepeated() - before.contactsRepeated(),
        after.episodesDecided() - before.episodesDecided(),
        after.episodesResolved() - before.episodesResolved());
    if (d.contactsDecided() > 0 || d.episodesDecided() > 0) {
      out.collect(d);
    }
    if (a.pendingKeys() == 0) {
      state.clear();
    } else {
      state.update(a);
    }
  }
}
