package io.parkwatch.rules.threshold;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.parkwatch.rules.config.ConfigNode;

/** {@code type: threshold}: limits by level, high and low, with deadband and on/off delays (GB/T 50493). */
public final class ThresholdKind extends DeclaredKind<ThresholdRule, LimitSlice> {

    public ThresholdKind() {
        super("threshold", ThresholdRule.class, Set.of("high", "low", "deadband", "on-delay", "off-delay", "in-modes"),
                LimitSlice::new);
    }

    @Override
    public ThresholdRule parse(RuleEntry r, Problems problems) {
        Limits high = RuleFields.limits(r.get("high"), true, problems);
        Limits low = RuleFields.limits(r.get("low"), false, problems);
        if ((high == null || high.isEmpty()) && (low == null || low.isEmpty()) && r.cleanSoFar(problems)) {
            problems.add(r.node().error("a threshold rule needs at least one limit under 'high' or 'low'"));
        }
        Double deadband = r.get("deadband").number(problems, false);
        if (deadband != null && deadband < 0) {
            problems.add(r.get("deadband").error("must not be negative"));
        }
        Duration onDelay = r.get("on-delay").duration(problems, Duration.ZERO);
        Duration offDelay = r.get("off-delay").duration(problems, Duration.ZERO);
        Map<String, ThresholdRule.ModeLimits> inModes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> m : r.get("in-modes").entries(problems).entrySet()) {
            m.getValue().allowOnly(problems, Set.of("high", "low"));
            inModes.put(m.getKey(), new ThresholdRule.ModeLimits(RuleFields.limits(m.getValue().get("high"), true,
                    problems), RuleFields.limits(m.getValue().get("low"), false, problems)));
        }
        return new ThresholdRule(r.id(), r.description(), r.selector(), high, low, deadband == null ? 0 : deadband,
                onDelay, offDelay, inModes);
    }

    @Override
    public List<AlertUpdate> evaluate(ThresholdRule rule, Point point, PointRegistry registry, LimitSlice state,
            Reading reading, long now) {
        // limits of the plant's mode at the reading's time, where the rule has its own for it
        ThresholdRule inForce = rule.inModes().isEmpty() ? rule : rule.inMode(registry.modeOf(point, reading.timestamp()));
        return ThresholdEvaluator.evaluate(inForce, point, state, reading, now);
    }
}
