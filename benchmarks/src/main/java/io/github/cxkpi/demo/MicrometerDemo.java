package io.github.cxkpi.demo;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.micrometer.KpiMeters;
import io.github.cxkpi.nps.Nps;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * NPS per channel published to Prometheus through {@code cxkpi-micrometer}: records a few
 * hundred answers, closes the interval and prints the scrape.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cxkpi.demo.MicrometerDemo
 * </pre>
 */
public final class MicrometerDemo {
  private MicrometerDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (KpiMeters nps = KpiMeters.builder(Nps::aggregator)
        .byChannel()                              // tag channel
        .window(Duration.ofMinutes(1), 5)         // window="PT5M"
        .manualTicks()                            // the demo closes the interval itself
        .build()) {
      nps.bindTo(registry);
      SplittableRandom r = new SplittableRandom(7);
      Channel[] channels = {Channel.WEB, Channel.APP, Channel.PHONE};
      Instant now = Instant.parse("2026-11-24T10:00:00Z");
      for (int i = 0; i < 300; i++) {
        Channel c = channels[r.nextInt(channels.length)];
        int score = 4 + r.nextInt(4) + r.nextInt(4); // 4..10; any thread may record
        nps.record(SurveyResponse.builder("customer-" + i, now).channel(c).question("nps")
            .score(score).build());
      }
      nps.tick(); // a built binder without manualTicks() does this every interval
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      registry.scrape().lines().filter(l -> l.contains("cxkpi")).forEach(out::println);
    }
  }
}
