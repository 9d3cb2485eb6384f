package io.github.cxkpi.flink;

// README:flink
import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.flink.CxkpiTypes;
import io.github.cxkpi.flink.KeyAndWindow;
import io.github.cxkpi.flink.RatingAggregateFunction;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/** NPS, CSAT, CES and survey FCR per channel and ISO week, from "channel,instant,question,score". */
public class WeeklyKpis {
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    kpis(env, args[0]).print();
    env.execute("cxkpi weekly KPIs");
  }

  static DataStream<Tuple3<String, String, KpiSummary>> kpis(StreamExecutionEnvironment env,
      String input) {
    FileSource<String> files =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input)).build();
    KeyedStream<SurveyResponse, String> byChannel = env
        .fromSource(files, WatermarkStrategy.noWatermarks(), "interactions")
        .map(WeeklyKpis::parse).returns(CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forBoundedOutOfOrderness(
                Duration.ofHours(1)).withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(r -> r.channel().name(), Types.STRING);
    return weekly(byChannel, RatingAggregateFunction.nps(Nps.definition()))
        .union(weekly(byChannel, RatingAggregateFunction.csat(Csat.definition())),
            weekly(byChannel, RatingAggregateFunction.ces(Ces.v2())),
            weekly(byChannel, RatingAggregateFunction.surveyFcr(Fcr.survey())));
  }

  static <A extends RatingAggregator<?, ?, A>> DataStream<Tuple3<String, String, KpiSummary>>
      weekly(KeyedStream<SurveyResponse, String> byChannel, RatingAggregateFunction<A> kpi) {
    // 7-day windows from Mondays (the epoch was a Thursday), labelled with channel and week.
    return byChannel.window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(kpi, new KeyAndWindow(), kpi.accumulatorType(), kpi.resultType(),
            KeyAndWindow.outputType());
  }

  /** Parses one line with Apache Commons CSV. */
  static SurveyResponse parse(String line) throws IOException {
    CSVRecord r = CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords().get(0);
    return SurveyResponse.builder("anonymous", Instant.parse(r.get(1)))
        .channel(Channel.of(r.get(0))).question(r.get(2)).score(Integer.parseInt(r.get(3)))
        .build();
  }
}
// README:end
