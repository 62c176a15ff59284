package io.parkwatch.job;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.risk.RiskBook;
import io.parkwatch.rules.risk.RiskContext;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskTracking;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live risk of every enterprise and of the park: alert events, points' hours of data quality and the
 * configuration in, changed risk levels out
 * (and the warnings, colour changes, on a side output). The scoring is the core's {@link RiskTracking}; this shell
 * keeps the park's book (as JSON, so it can grow without breaking a checkpoint), the configuration documents the
 * assessment reads, and a wall-clock timer that assesses again every {@code evaluate-every} (an alarm left unanswered
 * grows its contribution, a commitment falls due, without any event). One key, the park: alarms are few next to
 * readings, and the park's colour needs every enterprise's.
 *
 * <p>A configuration document opens a short settling time ({@link #SETTLE_MILLIS}) unless one is open (it is never
 * extended): no assessment during it (events are booked, not assessed), one at its end. Documents the console publishes one after the other for one act (a
 * commitment and the modes it sets) are so taken together, whichever tick or event falls between them, and a
 * colour that never really was is never warned of.
 */
final class RiskFunction extends KeyedCoProcessFunction<String, RiskInput, ConfigDocument, RiskLevel> {

    static final OutputTag<RiskWarning> WARNINGS = new OutputTag<>("risk-warnings") {
    };
    private static final Logger LOG = LoggerFactory.getLogger(RiskFunction.class);
    /** Long enough for the documents of one act published back to back, short next to a person's patience. */
    static final long SETTLE_MILLIS = 2_000;

    private final ParkConfig initial;
    private transient ValueState<String> book;
    private transient ValueState<Long> due;
    private transient ValueState<Long> settling;
    private transient MapState<String, String> documents;
    private transient BookCache<RiskBook> parsed;
    private transient ParkConfig contextFor;
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
        documents = getRuntimeContext().getMapState(new MapStateDescriptor<>("risk-config", Types.STRING, Types.STRING));
        parsed = new BookCache<>(json -> WireJson.read(json.getBytes(StandardCharsets.UTF_8), RiskBook.class),
                WireJson::writeString);
    }

    @Override
    public void processElement1(RiskInput in, Context ctx, Collector<RiskLevel> out) throws Exception {
        RiskBook b = load();
        RiskContext c = context();
        long wall = ctx.timerService().currentProcessingTime();
        if (in.event() != null) {
            RiskTracking.apply(b, in.event(), ruleTypes::get, wall);
            if (settling.value() == null) {
                assess(b, c, b.eventTimeAt(wall), ctx, out);
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
        context();
        // assessed when the documents have settled, not now and not at the next tick (up to evaluate-every away);
        // a settling time already open is not extended, so documents arriving without end cannot starve the risk
        long wall = ctx.timerService().currentProcessingTime();
        if (settling.value() == null) {
            long until = wall + SETTLE_MILLIS;
            settling.update(until);
            Long tick = due.value();
            if (tick == null || tick > until) {
                if (tick != null) {
                    ctx.timerService().deleteProcessingTimeTimer(tick);
                }
                ctx.timerService().registerProcessingTimeTimer(until);
                due.update(until);
            }
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
        assess(b, context(), b.eventTimeAt(timestamp), ctx, out);
        save(b, timestamp, ctx.timerService());
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

    private RiskContext context() throws Exception {
        ParkConfig c = current();
        if (context == null || !c.equals(contextFor)) {
            context = c.risk();
            plan = c.plan();
            contextFor = c;
            ruleTypes = new HashMap<>();
            for (Rule r : c.engine().rules().rules()) {
                ruleTypes.put(r.id(), RuleKinds.of(r).type());
            }
        }
        return context;
    }

    private RiskBook load() throws Exception {
        String json = book.value();
        return json == null ? new RiskBook() : parsed.read(RiskAssessment.PARK, json);
    }

    private void save(RiskBook b, long wall, org.apache.flink.streaming.api.TimerService timers) throws Exception {
        book.update(parsed.write(RiskAssessment.PARK, b));
        if (due.value() == null) {
            long at = wall + context.model().evaluateEvery().toMillis();
            timers.registerProcessingTimeTimer(at);
            due.update(at);
        }
    }
}
