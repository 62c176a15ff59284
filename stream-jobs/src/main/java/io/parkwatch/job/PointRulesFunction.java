package io.parkwatch.job;

import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleState;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.group.GroupKind;
import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RejectedReading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per point: runs the point's rules over each reading (the decision is the core's {@link RuleEngine});
 * this shell keeps rule state in keyed state, routes late readings to a side output, feeds the group
 * rules (voting, composite, stale) with signals, and watches for silence with processing-time timers,
 * since a silent point produces no events.
 */
public final class PointRulesFunction extends ConfigFollowingFunction<Reading, AlertUpdate> {

    /** Readings the job refuses, with their reason: later than the watermark allows (LATE), or of a point its registry does not know. */
    public static final OutputTag<RejectedReading> LATE = new OutputTag<>("late-readings",
            TypeInformation.of(RejectedReading.class));
    public static final OutputTag<PointSignal> SIGNALS = new OutputTag<>("group-signals",
            TypeInformation.of(PointSignal.class));

    private final Lateness lateness;
    private transient RuleEngine engine;
    /** Per rule id, what the rule remembers about this point, in its kind's own class. */
    private transient MapState<String, RuleSlice> ruleState;
    /** The one-class rule state of earlier versions, restored from their checkpoints; taken over per point, once. */
    private transient MapState<String, RuleState> legacyRuleState;
    /** Wall-clock time of the point's last reading, and whether it has been declared silent. */
    private transient ValueState<Long> lastArrival;
    private transient ValueState<Long> lastTimestamp;
    private transient ValueState<Boolean> silent;
    /**
     * When this point's one pending silence check fires (processing time), if one is pending. One timer per point, not
     * one per reading: at 10 readings a second a stale rule of 3 s kept 30 timers per point, each firing only to
     * find the point heard from since (the check then moves itself to the last arrival plus the rule's time).
     */
    private transient ValueState<Long> silenceCheck;
    private transient Counter late;
    private transient Counter unknown;
    /** When this task (re)started: silence while the job itself was down is not the data logger's. */
    private transient long runningSince;

    public PointRulesFunction(ParkConfig config, Lateness lateness) {
        super(config);
        this.lateness = lateness;
    }

    @Override
    public void open(OpenContext ctx) {
        ruleState = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("rule-slices", Types.STRING, TypeInformation.of(RuleSlice.class)));
        legacyRuleState = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("rule-state", Types.STRING, TypeInformation.of(RuleState.class)));
        lastArrival = getRuntimeContext().getState(new ValueStateDescriptor<>("last-arrival", Types.LONG));
        lastTimestamp = getRuntimeContext().getState(new ValueStateDescriptor<>("last-timestamp", Types.LONG));
        silent = getRuntimeContext().getState(new ValueStateDescriptor<>("silent", Types.BOOLEAN));
        silenceCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("silence-check", Types.LONG));
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
        unknown = getRuntimeContext().getMetricGroup().counter("unknownPointReadings");
        runningSince = System.currentTimeMillis();
    }

    @Override
    public void processElement(Reading r, ReadOnlyContext ctx, Collector<AlertUpdate> out) throws Exception {
        engine = engine(ctx);
        long watermark = ctx.timerService().currentWatermark();
        Long pointLatest = lastTimestamp.value();
        if (!lateness.evaluated(r.timestamp(), watermark, pointLatest)) {
            late.inc();
            String raw = new String(ReadingJson.write(r), StandardCharsets.UTF_8);
            ctx.output(LATE, RejectedReading.byJob(RejectReason.LATE, "reading of " + Instant.ofEpochMilli(r.timestamp())
                    + " arrived after the watermark " + Instant.ofEpochMilli(watermark)
                    + (pointLatest != null && r.timestamp() < pointLatest ? " and after its point's reading of "
                            + Instant.ofEpochMilli(pointLatest) : "") + " (allowed lateness " + lateness.allowedMs()
                    + " ms)", r.pointId(), r.receivedAt(), raw));
            return;
        }
        Optional<Point> found = engine.point(r.pointId());
        if (found.isEmpty()) {
            // the gateway took it under another registry version: not evaluated, so visibly refused, never dropped
            unknown.inc();
            String raw = new String(ReadingJson.write(r), StandardCharsets.UTF_8);
            ctx.output(LATE, RejectedReading.byJob(RejectReason.UNKNOWN_POINT, "point '" + r.pointId()
                    + "' is not in the rules job's point registry (the gateway accepted it under another version)",
                    r.pointId(), r.receivedAt(), raw));
            return;
        }
        Point point = found.get();
        long now = ctx.timerService().currentProcessingTime();
        takeOverLegacyState();
        for (AlertUpdate u : engine.evaluate(point, r, store(), System.currentTimeMillis())) {
            emit(u, ctx, out);
        }
        List<Rule> rules = engine.rules().rulesFor(point);
        boolean trusted = RuleEngine.vouchedFor(point, r);
        long staleAfter = Long.MAX_VALUE;
        boolean wasSilent = Boolean.TRUE.equals(silent.value());
        for (Rule rule : rules) {
            if (!(RuleKinds.of(rule) instanceof GroupKind<Rule> group)) {
                continue;
            }
            String key = group.keyOf(rule, point);
            if (key == null) {
                continue;
            }
            if (group.watchesSilence()) {
                staleAfter = Math.min(staleAfter, group.silentAfterMs(rule, point));
                if (wasSilent) {
                    ctx.output(SIGNALS, PointSignal.silence(rule.id(), key, point, r.timestamp(), false, now));
                }
            } else if (trusted) {
                ctx.output(SIGNALS, PointSignal.reading(rule.id(), key, point, r.timestamp(), r.value(), r.receivedAt()));
            }
        }
        if (wasSilent) {
            silent.update(false); // written only when it changes: a write per reading cost more than the read
        }
        lastArrival.update(now);
        if (pointLatest == null || r.timestamp() > pointLatest) {
            lastTimestamp.update(r.timestamp()); // the latest, not the last: a reading within the out-of-orderness may be older
        }
        if (staleAfter != Long.MAX_VALUE) {
            checkSilenceBy(now + staleAfter, ctx.timerService());
        }
    }

    /**
     * Makes sure a silence check is pending no later than {@code due}. A check pending earlier stays: when it fires it
     * finds the point heard from and moves itself to the last arrival plus the rule's time, which is when this
     * reading's own check would have fired; a shorter time (a changed rule) gets an earlier check of its own.
     */
    private void checkSilenceBy(long due, TimerService timers) throws Exception {
        Long pending = silenceCheck.value();
        if (pending == null || due < pending) {
            timers.registerProcessingTimeTimer(due);
            silenceCheck.update(due);
        }
    }

    /**
     * A point whose rule state a version before per-kind state checkpointed: each rule's kind takes over its
     * part (open alerts included), once; state of rules no longer in force is dropped.
     */
    private void takeOverLegacyState() throws Exception {
        if (legacyRuleState.isEmpty()) {
            return;
        }
        for (Map.Entry<String, RuleState> e : legacyRuleState.entries()) {
            Optional<Rule> rule = engine.rules().rule(e.getKey());
            if (rule.isPresent() && RuleKinds.of(rule.get()).perPoint()) {
                ruleState.put(e.getKey(), RuleKinds.of(rule.get()).carriedOver(e.getValue()));
            }
        }
        legacyRuleState.clear();
    }

    /** A point is silent when no reading arrived for the stale rule's time; its group decides what to raise. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        engine = engine(ctx);
        Long pending = silenceCheck.value();
        if (pending != null && pending <= timestamp) {
            silenceCheck.clear(); // the pending check is this one, or one already past: none is pending now
        }
        Long arrived = lastArrival.value();
        if (arrived == null || Boolean.TRUE.equals(silent.value())) {
            return;
        }
        Optional<Point> point = engine.point(ctx.getCurrentKey());
        if (point.isEmpty()) {
            return;
        }
        // After a failover or restart the restored timers fire at once, before the backlog the job missed
        // is read: a point counts as heard from when the task came up, or every logger would go "offline".
        long heard = Math.max(arrived, runningSince);
        boolean any = false;
        long recheck = Long.MAX_VALUE;
        for (Rule rule : engine.rules().rulesFor(point.get())) {
            if (RuleKinds.of(rule) instanceof GroupKind<Rule> group && group.watchesSilence()) {
                long after = group.silentAfterMs(rule, point.get());
                if (timestamp - heard >= after) {
                    ctx.output(SIGNALS, PointSignal.silence(rule.id(), group.keyOf(rule, point.get()), point.get(),
                            lastTimestamp.value(), true, timestamp));
                    any = true;
                } else {
                    recheck = Math.min(recheck, heard + after);
                }
            }
        }
        if (any) {
            silent.update(true);
        } else if (recheck != Long.MAX_VALUE) {
            checkSilenceBy(recheck, ctx.timerService());
        }
    }

    @Override
    protected boolean logsConfigChanges() {
        return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
    }

    static void emit(AlertUpdate u, ReadOnlyContext ctx, Collector<AlertUpdate> out) {
        out.collect(u);
    }

    private RuleStateStore<RuleSlice> store() {
        return new RuleStateStore<>() {
            @Override
            public RuleSlice get(String ruleId) {
                try {
                    return ruleState.get(ruleId);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void put(String ruleId, RuleSlice state) {
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
