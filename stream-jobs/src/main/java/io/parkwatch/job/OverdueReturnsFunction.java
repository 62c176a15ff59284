package io.parkwatch.job;

import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.operations.OverdueReturns;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Instruments kept out of service beyond their expected return: the configuration documents in (one key for the
 * park), the overdue maintenance alarms out, on the wall clock. The decisions are the core's {@link OverdueReturns};
 * this shell keeps the configuration in force, the open alarms and one timer (checkpointed, so a pending one
 * survives a restart).
 */
final class OverdueReturnsFunction extends KeyedProcessFunction<String, ConfigDocument, AlertUpdate> {

    private final ParkConfig initial;
    private transient MapState<String, String> config;
    private transient MapState<String, LimitState> open;
    private transient ValueState<Long> due;
    private transient RuleEngine engine;
    private transient ParkConfig engineFor;

    OverdueReturnsFunction(ParkConfig initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext ctx) {
        config = getRuntimeContext().getMapState(new MapStateDescriptor<>("config", Types.STRING, Types.STRING));
        open = getRuntimeContext().getMapState(new MapStateDescriptor<>("overdue", Types.STRING,
                TypeInformation.of(LimitState.class)));
        due = getRuntimeContext().getState(new ValueStateDescriptor<>("due", Types.LONG));
    }

    @Override
    public void processElement(ConfigDocument doc, Context ctx, Collector<AlertUpdate> out) throws Exception {
        try {
            EngineHolder.accept(EngineHolder.merge(initial, config.entries()), doc);
        } catch (RuntimeException e) {
            return; // refused (the rule stages log why); the configuration in force stays
        }
        config.put(doc.kind(), doc.yaml());
        check(ctx.timerService().currentProcessingTime(), ctx.timerService(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        check(timestamp, ctx.timerService(), out);
    }

    private void check(long now, org.apache.flink.streaming.api.TimerService timers, Collector<AlertUpdate> out)
            throws Exception {
        ParkConfig wanted = EngineHolder.merge(initial, config.entries());
        if (engine == null || !wanted.equals(engineFor)) {
            engine = wanted.engine();
            engineFor = wanted;
        }
        Map<String, LimitState> alarms = new HashMap<>();
        for (Map.Entry<String, LimitState> e : open.entries()) {
            alarms.put(e.getKey(), e.getValue());
        }
        List<AlertUpdate> updates = OverdueReturns.check(engine.operations(), engine.registry(), alarms, now);
        open.clear();
        open.putAll(alarms);
        long next = OverdueReturns.nextDue(engine.operations(), alarms);
        if (next > 0 && (due.value() == null || due.value() != next)) {
            timers.registerProcessingTimeTimer(next);
            due.update(next);
        }
        updates.forEach(out::collect);
    }
}
