package io.parkwatch.rules.engine;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.RuleSet;
import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.quality.DataQualityEvaluator;
import io.parkwatch.rules.quality.QualityRule;
import io.parkwatch.rules.quality.StuckRule;
import io.parkwatch.rules.rate.RateEvaluator;
import io.parkwatch.rules.rate.RateRule;
import io.parkwatch.rules.shutdown.ShutdownActivityEvaluator;
import io.parkwatch.rules.shutdown.ShutdownActivityRule;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import io.parkwatch.rules.trend.TrendEvaluator;
import io.parkwatch.rules.trend.TrendRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every per-point rule that watches a point over one of its readings. This is the whole
 * per-reading decision; whatever hosts it (a Flink operator, a backtest) only supplies state and clock.
 * Group rules (voting, composite, stale) are decided per zone, unit or logger.
 */
public final class RuleEngine {

    private final PointRegistry registry;
    private final RuleSet rules;
    private final MaintenanceSchedule maintenance;

    public RuleEngine(PointRegistry registry, RuleSet rules, MaintenanceSchedule maintenance) {
        this.registry = registry;
        this.rules = rules;
        this.maintenance = maintenance;
    }

    public RuleEngine(PointRegistry registry, RuleSet rules) {
        this(registry, rules, MaintenanceSchedule.NONE);
    }

    public Optional<Point> point(String pointId) {
        return registry.point(pointId);
    }

    public PointRegistry registry() {
        return registry;
    }

    public RuleSet rules() {
        return rules;
    }

    public MaintenanceSchedule maintenance() {
        return maintenance;
    }

    /**
     * Evaluates a reading of a known point. A reading the instrument itself does not vouch for (flagged
     * fault, maintenance, calibration..., or outside the instrument range) feeds only the data-quality
     * rule: it must not raise or clear process alarms.
     */
    public List<AlertUpdate> evaluate(Point point, Reading reading, RuleStateStore<RuleState> store, long now) {
        boolean trusted = reading.quality().drivesProcessRules() && !Double.isNaN(reading.value())
                && !DataQualityEvaluator.outOfRange(point, reading);
        List<AlertUpdate> out = new ArrayList<>(0);
        for (Rule rule : rules.rulesFor(point)) {
            if (!trusted && !(rule instanceof QualityRule)) {
                continue;
            }
            RuleState st = store.get(rule.id());
            boolean stored = st != null;
            st = current(st, rules.version(rule.id()));
            List<AlertUpdate> updates = evaluate(rule, point, st, reading, now);
            if (st.isIdle()) {
                if (stored) {
                    store.remove(rule.id()); // nothing pending or open: keep no state for quiet points
                }
            } else {
                store.put(rule.id(), st);
            }
            for (AlertUpdate u : updates) {
                out.add(maintenance.apply(u));
            }
        }
        return out;
    }

    private List<AlertUpdate> evaluate(Rule rule, Point point, RuleState st, Reading reading, long now) {
        if (rule instanceof ThresholdRule t) {
            return ThresholdEvaluator.evaluate(t, point, st, reading, now);
        } else if (rule instanceof RateRule r) {
            return RateEvaluator.evaluate(r, point, st, reading, now);
        } else if (rule instanceof TrendRule t) {
            return TrendEvaluator.evaluate(t, point, st, reading, now);
        } else if (rule instanceof StuckRule s) {
            return DataQualityEvaluator.evaluate(s, point, st, reading, now);
        } else if (rule instanceof QualityRule q) {
            return DataQualityEvaluator.evaluate(q, point, st, reading, now);
        } else if (rule instanceof ShutdownActivityRule s) {
            return ShutdownActivityEvaluator.evaluate(s, point, registry.isShutDown(point), st, reading, now);
        }
        return List.of(); // group rules are decided per group
    }

    /**
     * The state to use for a rule at {@code version}: a state built for another version of the rule
     * starts afresh, but keeps its open alerts so that they can still recover under the new rule.
     */
    static RuleState current(RuleState st, int version) {
        if (st == null) {
            RuleState fresh = new RuleState();
            fresh.ruleVersion = version;
            return fresh;
        }
        if (st.ruleVersion == version) {
            return st;
        }
        RuleState fresh = new RuleState();
        fresh.ruleVersion = version;
        if (st.high != null && st.high.open != null) {
            fresh.high().open = st.high.open;
        }
        if (st.low != null && st.low.open != null) {
            fresh.low().open = st.low.open;
        }
        return fresh;
    }
}
