package io.parkwatch.job;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.RuleFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.RuleEngine;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.engine.RuleState;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RejectedReading;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per point: runs the point's rules over each reading (the decision is the core's {@link RuleEngine});
 * this shell only keeps the rule state in Flink keyed state, routes late readings to a side output,
 * and emits each alert's new state (side output) next to its events (main output).
 */
public final class PointRulesFunction extends KeyedProcessFunction<String, Reading, AlertEvent> {

    public static final OutputTag<RejectedReading> LATE = new OutputTag<>("late-readings",
            TypeInformation.of(RejectedReading.class));
    public static final OutputTag<Alert> ALERT_STATE = new OutputTag<>("alert-state", TypeInformation.of(Alert.class));

    private final String pointsYaml;
    private final String rulesYaml;
    private transient RuleEngine engine;
    private transient MapState<String, RuleState> ruleState;
    private transient Counter late;
    private transient Counter unknown;

    public PointRulesFunction(String pointsYaml, String rulesYaml) {
        this.pointsYaml = pointsYaml;
        this.rulesYaml = rulesYaml;
    }

    @Override
    public void open(OpenContext ctx) {
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", pointsYaml));
        engine = new RuleEngine(registry, RuleFile.parse(YamlSource.parse("rules.yaml", rulesYaml), registry));
        ruleState = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("rule-state", Types.STRING, TypeInformation.of(RuleState.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
        unknown = getRuntimeContext().getMetricGroup().counter("unknownPointReadings");
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<AlertEvent> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (r.timestamp() < watermark) {
            late.inc();
            String raw = new String(ReadingJson.write(r), java.nio.charset.StandardCharsets.UTF_8);
            ctx.output(LATE, new RejectedReading(RejectReason.LATE, "reading of " + Instant.ofEpochMilli(r.timestamp())
                    + " arrived after the watermark " + Instant.ofEpochMilli(watermark), "stream-job", null, null, null,
                    null, r.pointId(), r.receivedAt(), raw, "utf8", raw.length()));
            return;
        }
        Optional<Point> point = engine.point(r.pointId());
        if (point.isEmpty()) {
            unknown.inc(); // the gateway validated it against an older registry; nothing to evaluate
            return;
        }
        for (AlertUpdate u : engine.evaluate(point.get(), r, store(), System.currentTimeMillis())) {
            out.collect(u.event());
            ctx.output(ALERT_STATE, u.alert());
        }
    }

    private RuleStateStore<RuleState> store() {
        return new RuleStateStore<>() {
            @Override
            public RuleState get(String ruleId) {
                try {
                    return ruleState.get(ruleId);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void put(String ruleId, RuleState state) {
                try {
                    ruleState.put(ruleId, state);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void remove(String ruleId) {
                try {
                    ruleState.remove(ruleId);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
