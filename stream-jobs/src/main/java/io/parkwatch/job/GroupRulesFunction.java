package io.parkwatch.job;

import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.group.GroupKind;
import io.parkwatch.rules.group.GroupState;
import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.util.Collector;

/**
 * Per group (a zone, a unit, a data logger; keyed by rule and group): decides the group rules (voting,
 * composite, stale) through their kinds ({@link GroupKind}).
 * <ul>
 *   <li>Kinds that compare several points at one moment (voting, composite), so their signals are evaluated in
 *       event-time order, released by the watermark: when a backlog is replayed, one partition can run
 *       hours ahead of another, and comparing their points as they arrive would be comparing different
 *       hours. This costs the watermark's delay (the out-of-orderness bound) on group alerts only.</li>
 *   <li>Kinds that watch silence (stale) work on the wall clock: they tick once a second while members are silent, so a lone
 *       silent point is reported after the settle time.</li>
 * </ul>
 */
public final class GroupRulesFunction extends ConfigFollowingFunction<PointSignal, AlertUpdate> {

    static final long TICK_MS = 1000;

    private transient RuleEngine engine;
    private transient ValueState<GroupState> state;
    /** Signals waiting for the watermark, by event time. */
    private transient MapState<Long, List<PointSignal>> pending;

    public GroupRulesFunction(ParkConfig config) {
        super(config);
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("group-state", TypeInformation.of(GroupState.class)));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-signals", Types.LONG,
                Types.LIST(TypeInformation.of(PointSignal.class))));
    }

    @Override
    public void processElement(PointSignal s, ReadOnlyContext ctx, Collector<AlertUpdate> out) throws Exception {
        engine = engine(ctx);
        Optional<Rule> rule = engine.rules().rule(s.ruleId());
        if (rule.isEmpty() || !(RuleKinds.of(rule.get()) instanceof GroupKind<Rule> kind)) {
            return; // the rule was removed, or changed into a per-point one
        }
        if (!kind.watchesSilence() && s.timestamp() > ctx.timerService().currentWatermark()) {
            List<PointSignal> at = pending.get(s.timestamp());
            List<PointSignal> next = at == null ? new ArrayList<>(2) : new ArrayList<>(at);
            next.add(s);
            pending.put(s.timestamp(), next);
            ctx.timerService().registerEventTimeTimer(s.timestamp());
            return;
        }
        decide(kind, rule.get(), s, ctx, out);
    }

    /** Decides one signal now (in event-time order for kinds that compare readings). */
    private void decide(GroupKind<Rule> kind, Rule rule, PointSignal s, ReadOnlyContext ctx, Collector<AlertUpdate> out)
            throws Exception {
        GroupState st = state.value() == null ? new GroupState() : state.value();
        long now = ctx.timerService().currentProcessingTime();
        List<AlertUpdate> updates = kind.onSignal(rule, st, s, s.groupKey(), engine.registry(), now);
        if (kind.watchesSilence()) {
            ctx.timerService().registerProcessingTimeTimer((now / TICK_MS + 1) * TICK_MS);
        }
        state.update(st);
        emit(updates, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        engine = engine(ctx);
        String key = ctx.getCurrentKey();
        Optional<Rule> rule = engine.rules().rule(key.substring(0, key.indexOf('|')));
        GroupKind<Rule> kind = rule.isPresent() && RuleKinds.of(rule.get()) instanceof GroupKind<Rule> g ? g : null;
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            List<PointSignal> due = pending.get(timestamp);
            pending.remove(timestamp);
            if (due != null && kind != null) {
                for (PointSignal s : due) {
                    decide(kind, rule.get(), s, ctx, out);
                }
            }
            return;
        }
        GroupState st = state.value();
        if (kind == null || !kind.watchesSilence() || st == null) {
            return;
        }
        List<AlertUpdate> updates = kind.onTick(rule.get(), st, key, engine.registry(), timestamp);
        state.update(st);
        emit(updates, ctx, out);
        if (kind.wantsTicks(st)) {
            ctx.timerService().registerProcessingTimeTimer(timestamp + TICK_MS);
        }
    }

    private void emit(List<AlertUpdate> updates, ReadOnlyContext ctx, Collector<AlertUpdate> out) {
        for (AlertUpdate u : updates) {
            out.collect(engine.maintenance().apply(engine.rules().stamped(u)));
        }
    }
}
