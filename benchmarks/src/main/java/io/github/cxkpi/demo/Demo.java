package io.github.cxkpi.demo;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.nps.NpsResult;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Streams a realistic, seeded mix of survey responses (several channels and journey stages)
 * through NPS and prints the score with its interval, per channel and per journey stage.
 */
public final class Demo {
  private Demo() {}

  /** A channel with its answer mix: weights of the answers 0..10. */
  private record Profile(Channel channel, int[] mix, int volume) {}

  private static final List<Profile> PROFILES = List.of(
      new Profile(Channel.WEB, new int[] {2, 1, 1, 2, 2, 4, 6, 12, 16, 20, 18}, 4000),
      new Profile(Channel.APP, new int[] {1, 1, 1, 1, 2, 3, 5, 10, 15, 24, 26}, 3000),
      new Profile(Channel.EMAIL, new int[] {3, 2, 2, 3, 4, 6, 8, 14, 16, 14, 10}, 1500),
      new Profile(Channel.PHONE, new int[] {6, 3, 3, 4, 5, 8, 9, 13, 14, 12, 10}, 1200),
      new Profile(Channel.CHAT, new int[] {2, 2, 2, 3, 4, 6, 8, 14, 18, 19, 14}, 800),
      new Profile(Channel.STORE, new int[] {1, 0, 1, 1, 2, 4, 5, 11, 16, 22, 22}, 25));

  /**
   * Generates the responses with a fixed seed and hands each to a consumer, in time order.
   *
   * @param seed the seed
   * @param sink receives the responses
   * @return how many were generated
   */
  public static int generate(long seed, Consumer<SurveyResponse> sink) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    int total = PROFILES.stream().mapToInt(Profile::volume).sum();
    int n = 0;
    for (int i = 0; i < total; i++) {
      Profile p = pick(rnd, total);
      JourneyStage stage = JourneyStage.values()[rnd.nextInt(4)];
      Instant t = start.plus(rnd.nextLong(30L * 24 * 3600), ChronoUnit.SECONDS);
      SurveyResponse.Builder b = SurveyResponse.builder("c" + rnd.nextInt(5000), t)
          .channel(p.channel()).stage(stage).touchpoint(touchpoint(stage)).question("nps");
      if (rnd.nextInt(50) == 0) {
        b.blank();
      } else {
        b.score(draw(rnd, p.mix()));
      }
      sink.accept(b.build());
      n++;
    }
    return n;
  }

  private static Profile pick(SplittableRandom rnd, int total) {
    int k = rnd.nextInt(total);
    for (Profile p : PROFILES) {
      k -= p.volume();
      if (k < 0) {
        return p;
      }
    }
    return PROFILES.get(PROFILES.size() - 1);
  }

  private static int draw(SplittableRandom rnd, int[] mix) {
    int sum = 0;
    for (int m : mix) {
      sum += m;
    }
    int k = rnd.nextInt(sum);
    for (int s = 0; s < mix.length; s++) {
      k -= mix[s];
      if (k < 0) {
        return s;
      }
    }
    return mix.length - 1;
  }

  private static String touchpoint(JourneyStage stage) {
    return switch (stage) {
      case AWARENESS -> "ad";
      case CONSIDERATION -> "product-page";
      case PURCHASE -> "checkout";
      case POST_PURCHASE -> "support";
    };
  }

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out, 20261123L);
  }

  /**
   * Runs the demo, printing to a stream.
   *
   * @param out where to print
   * @param seed the seed of the generated responses
   */
  public static void run(PrintStream out, long seed) {
    Map<String, NpsAggregator> byChannel = new TreeMap<>();
    Map<String, NpsAggregator> byStage = new TreeMap<>();
    NpsAggregator all = Nps.aggregator();
    int n = generate(seed, r -> {
      all.accept(r);
      byChannel.computeIfAbsent(r.channel().name(), k -> Nps.aggregator()).accept(r);
      byStage.computeIfAbsent(r.stage().name().toLowerCase(Locale.ROOT),
          k -> Nps.aggregator()).accept(r);
    });
    out.printf(Locale.ROOT, "cxkpi demo: %,d survey responses (seed %d), NPS with 95%% "
        + "adjusted-Wald intervals%n%n", n, seed);
    print(out, "channel", byChannel);
    out.println();
    print(out, "journey stage", byStage);
    out.println();
    Map<String, NpsAggregator> total = new TreeMap<>();
    total.put("all", all);
    print(out, "", total);
    NpsResult web = byChannel.get("web").result();
    NpsResult phone = byChannel.get("phone").result();
    Difference d = web.compare(phone, 0.95).scaled(100);
    out.printf(Locale.ROOT, "%nweb - phone: %+.1f points, 95%% CI [%+.1f, %+.1f], z %.2f, "
        + "p %.2g%n", d.estimate(), d.interval().lower(), d.interval().upper(), d.statistic(),
        d.pValue());
  }

  private static void print(PrintStream out, String title, Map<String, NpsAggregator> rows) {
    out.printf(Locale.ROOT, "%-14s %6s %7s %18s %6s %s%n", title, "n", "NPS", "95% CI", "blank",
        "");
    for (Map.Entry<String, NpsAggregator> e : rows.entrySet()) {
      NpsResult r = e.getValue().result();
      Interval ci = r.interval(0.95).scaled(100);
      out.printf(Locale.ROOT, "%-14s %6d %+7.1f   [%+6.1f, %+6.1f] %6d %s%n", e.getKey(), r.n(),
          r.score(), ci.lower(), ci.upper(), r.blanks(),
          r.isSmallSample() ? "small sample (n < 30)" : "");
    }
  }
}
