package io.parkwatch.job.backtest;

import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.RuleStages;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs recorded readings through the job's own rule stages ({@link RuleStages}) on a bounded source,
 * in a local Flink MiniCluster, as fast as it can. Wall-clock rules (offline) need live time and are
 * not decided in a backtest.
 */
public final class Backtest {

    private Backtest() {
    }

    public static List<AlertEvent> run(List<Reading> readings, ParkConfig config, Duration outOfOrderness)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Reading> source = env.fromData(readings, TypeInformation.of(Reading.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Reading>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner((r, t) -> r.timestamp()));
        // the configuration under test, delivered the way the live job gets it
        DataStream<ConfigDocument> configDocs = env.fromData(List.of(new ConfigDocument(ConfigDocument.RULES,
                config.rulesYaml(), "backtest", 0)), TypeInformation.of(ConfigDocument.class));
        RuleStages stages = RuleStages.apply(source, configDocs, null, config, RuleStages.Timing.DEFAULT);
        CollectingSink<AlertEvent> sink = new CollectingSink<>();
        stages.events().sinkTo(sink).setParallelism(1);
        env.execute("parkwatch-backtest");
        List<AlertEvent> out = new ArrayList<>(sink.take());
        out.sort(Comparator.comparingLong(AlertEvent::eventTime).thenComparing(AlertEvent::seq));
        return out;
    }
}
