package io.parkwatch.job;

import io.parkwatch.job.kafka.Published;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.risk.OpenAlarm;
import io.parkwatch.rules.risk.RiskBook;
import io.parkwatch.rules.risk.RiskContext;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskTracking;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live risk of every enterprise and of the park: alert events, points' hours of data quality and the
 * configuration in, changed risk levels out
 * (and the warnings, colour changes, on a side output). The scoring is the core's {@link RiskTracking}; this shell
 * keeps the park's book, the configuration documents the assessment reads, and a wall-clock timer that assesses again
 * every {@code evaluate-every} (an alarm left unanswered grows its contribution, a commitment falls due, without any
 * event). One key, the park: alarms are few next to readings, and the park's colour needs every enterprise's.
 *
 * <p>The book is kept in state as JSON (so it can grow without breaking a checkpoint) in two parts: each open alarm
 * under its id, and the rest (colours, warnings' numbers, quality) as one text. An alert event so writes one alarm and
 * the small rest, never the whole book, and an assessment over every open alarm is made at most once in
 * {@link #ASSESS_GAP_MILLIS}: in a flood of alarms the cost per alarm stays flat. The book is read from state once per
 * task, then kept (this function is its only writer). A book written whole, as before, is split on first read.
 *
 * <p>A configuration document opens a short settling time ({@link #SETTLE_MILLIS}) unless one is open (it is never
 * extended): no assessment during it (events are booked, not assessed), one at its end. Documents the console publishes one after the other for one act (a
 * commitment and the modes it sets) are so taken together, whichever tick or event falls between them, and a
 * colour that never really was is never warned of.
 */
final class RiskFunction extends KeyedCoProcessFunction<String, Published, ConfigDocument, RiskLevel> {

    static final OutputTag<RiskWarning> WARNINGS = new OutputTag<>("risk-warnings") {
    };
    private static final Logger LOG = LoggerFactory.getLogger(RiskFunction.class);
    /** Long enough for the documents of one act published back to back, short next to a person's patience. */
    static final long SETTLE_MILLIS = 2_000;
    /** Events closer together than this are assessed together, at its end (a flood's alarms, not one by one). */
    static final long ASSESS_GAP_MILLIS = 1_000;

    private final ParkConfig initial;
    private transient ValueState<String> book;
    private transient ValueState<Long> due;
    private transient ValueState<Long> settling;
    private transient MapState<String, String> openAlarms;
    private transient MapState<String, String> documents;
    /** the book as state holds it, read once per task */
    private transient RiskBook current;
    private transient long lastAssessedAt;
    private transient RiskContext context;
    private transient Map<String, String> ruleTypes;
    private transient EscalationPlan plan;

    RiskFunction(ParkConfig initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext ctx) {
        book = getRuntimeContext().getState(new ValueStateDescriptor<>("risk-book", Types.STRING));
        due = getRuntimeContext().getState(new ValueStateDescriptor<>("risk-assess", Types.LONG));
        settling = getRuntimeContext().getState(new ValueStateDescriptor<>("risk-settling-until", Types.LONG));
        openAlarms = getRuntimeContext().getMapState(new MapStateDescriptor<>("risk-open-alarms", Types.STRING,
                Types.STRING));
        documents = getRuntimeContext().getMapState(new MapStateDescriptor<>("risk-config", Types.STRING, Types.STRING));
    }

    @Override
    public void processElement1(Published in, Context ctx, Collector<RiskLevel> out) throws Exception {
        RiskBook b = load();
        RiskContext c = context();
        long wall = ctx.timerService().currentProcessingTime();
        if (in.event() != null) {
            RiskTracking.apply(b, in.event(), ruleTypes::get, wall);
            saveAlarm(b, in.event().alertId());
            if (settling.value() == null) {
                if (wall - lastAssessedAt >= ASSESS_GAP_MILLIS) {
                    lastAssessedAt = wall;
                    assess(b, c, b.eventTimeAt(wall), ctx, out);
                } else {
                    assessAt(lastAssessedAt + ASSESS_GAP_MILLIS, ctx.timerService());
                }
            }
        } else {
            // an enterprise's points close their hour together: assessed at the next tick, all of them in
            RiskTracking.quality(b, in.quality());
        }
        save(b, wall, ctx.timerService());
    }

    @Override
    public void processElement2(ConfigDocument doc, Context ctx, Collector<RiskLevel> out) throws Exception {
        if (!ConfigDocument.KINDS.contains(doc.kind()) || doc.yaml().equals(documents.get(doc.kind()))) {
            return;
        }
        try {
            current().with(doc.kind(), doc.yaml()).risk(); // refused documents leave the risk as it was
        } catch (ConfigException | IllegalArgumentException ex) {
            return; // the rule stages log the refusal
        }
        documents.put(doc.kind(), doc.yaml());
        context = null;
        context();
        // assessed when the documents have settled, not now and not at the next tick (up to evaluate-every away);
        // a settling time already open is not extended, so documents arriving without end cannot starve the risk
        long wall = ctx.timerService().currentProcessingTime();
        if (settling.value() == null) {
            long until = wall + SETTLE_MILLIS;
            settling.update(until);
            assessAt(until, ctx.timerService());
        }
        save(load(), wall, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskLevel> out) throws Exception {
        due.clear();
        Long until = settling.value();
        if (until != null && timestamp < until) {
            // a tick while documents settle: the assessment waits for their end
            ctx.timerService().registerProcessingTimeTimer(until);
            due.update(until);
            return;
        }
        settling.clear();
        RiskBook b = load();
        lastAssessedAt = timestamp;
        assess(b, context(), b.eventTimeAt(timestamp), ctx, out);
        save(b, timestamp, ctx.timerService());
    }

    /** The next assessment no later than {@code at} (the tick moved forward if it was later). */
    private void assessAt(long at, TimerService timers) throws Exception {
        Long tick = due.value();
        if (tick == null || tick > at) {
            if (tick != null) {
                timers.deleteProcessingTimeTimer(tick);
            }
            timers.registerProcessingTimeTimer(at);
            due.update(at);
        }
    }

    private void assess(RiskBook b, RiskContext c, long now, Context ctx, Collector<RiskLevel> out) {
        RiskTracking.Assessed a = RiskTracking.assess(b, c, now);
        a.levels().forEach(out::collect);
        a.warnings().forEach(raw -> {
            // a rise or a missing commitment reaches the tiers the contacts file names for warnings; a fall is told
            // to groups and systems
            String subject = raw.level().subject();
            RiskWarning w = raw.callsPeople() ? raw.withRecipients(plan.warned(
                    RiskAssessment.PARK.equals(subject) ? null : subject, RiskAssessment.PARK.equals(subject), now))
                    : raw;
            ctx.output(WARNINGS, w);
            LOG.info("risk warning {} ({}): {} -> {} (score {})", w.warningId(), w.kind(), w.previous(),
                    w.level().colour(), w.level().score());
        });
    }

    /** The configuration in force: the start-up files with the documents received over them. */
    private ParkConfig current() throws Exception {
        ParkConfig c = initial;
        for (Map.Entry<String, String> d : documents.entries()) {
            c = c.with(d.getKey(), d.getValue());
        }
        return c;
    }

    /** What the assessment reads, built again when a document changed (not per event: a park's files are large). */
    private RiskContext context() throws Exception {
        if (context == null) {
            ParkConfig c = current();
            context = c.risk();
            plan = c.plan();
            ruleTypes = new HashMap<>();
            for (Rule r : c.engine().rules().rules()) {
                ruleTypes.put(r.id(), RuleKinds.of(r).type());
            }
        }
        return context;
    }

    private RiskBook load() throws Exception {
        if (current != null) {
            return current;
        }
        String json = book.value();
        RiskBook b = json == null ? new RiskBook() : WireJson.read(json.getBytes(StandardCharsets.UTF_8), RiskBook.class);
        if (!b.open.isEmpty()) {
            // written whole by an earlier version: each open alarm moves to its own entry
            for (String id : b.open.keySet()) {
                saveAlarm(b, id);
            }
        } else {
            List<OpenAlarm> alarms = new ArrayList<>();
            for (String alarm : openAlarms.values()) {
                alarms.add(WireJson.read(alarm.getBytes(StandardCharsets.UTF_8), OpenAlarm.class));
            }
            // in the order they were raised, as the book kept them
            alarms.sort(Comparator.comparingLong(OpenAlarm::raisedAt).thenComparing(OpenAlarm::alertId));
            alarms.forEach(a -> b.open.put(a.alertId(), a));
        }
        current = b;
        return b;
    }

    private void saveAlarm(RiskBook b, String alertId) throws Exception {
        OpenAlarm a = b.open.get(alertId);
        if (a == null) {
            openAlarms.remove(alertId);
        } else {
            openAlarms.put(alertId, WireJson.writeString(a));
        }
    }

    /** The book but its open alarms (each kept under its own id), and the next tick if none is due. */
    private void save(RiskBook b, long wall, TimerService timers) throws Exception {
        Map<String, OpenAlarm> open = b.open;
        b.open = Map.of();
        try {
            book.update(WireJson.writeString(b));
        } finally {
            b.open = open;
        }
        if (due.value() == null) {
            long at = wall + context.model().evaluateEvery().toMillis();
            timers.registerProcessingTimeTimer(at);
            due.update(at);
        }
    }
}
