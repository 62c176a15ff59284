package io.parkwatch.rules.engine;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.RuleSet;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import io.parkwatch.rules.engine.RuleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule that watches a point over one of its readings. This is the whole per-reading
 * decision; whatever hosts it (a Flink operator, a backtest) only supplies the state store and clock.
 */
public final class RuleEngine {

    private final PointRegistry registry;
    private final RuleSet rules;

    public RuleEngine(PointRegistry registry, RuleSet rules) {
        this.registry = registry;
        this.rules = rules;
    }

    public Optional<Point> point(String pointId) {
        return registry.point(pointId);
    }

    /**
     * Evaluates a reading of a known point. Readings whose quality flag says the instrument is not
     * measuring the process (fault, maintenance, calibration...) do not drive process rules.
     */
    public List<AlertUpdate> evaluate(Point point, Reading reading, RuleStateStore<RuleState> store, long now) {
        if (!reading.quality().drivesProcessRules() || Double.isNaN(reading.value())) {
            return List.of();
        }
        List<AlertUpdate> out = new ArrayList<>(0);
        for (Rule rule : rules.rulesFor(point)) {
            if (rule instanceof ThresholdRule t) {
                RuleState st = store.get(t.id());
                boolean stored = st != null;
                if (!stored) {
                    st = new RuleState();
                }
                out.addAll(ThresholdEvaluator.evaluate(t, point, st, reading, now));
                if (st.isIdle()) {
                    if (stored) {
                        store.remove(t.id()); // nothing pending or open: keep no state for quiet points
                    }
                } else {
                    store.put(t.id(), st);
                }
            }
        }
        return out;
    }
}
