package io.parkwatch.rules.rate;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code type: rate}: change per minute over a window, by level. */
public final class RateKind extends DeclaredKind<RateRule, LimitSlice> {

    public RateKind() {
        super("rate", RateRule.class, Set.of("direction", "per-minute", "window", "hold", "deadband", "off-delay"), LimitSlice::new);
    }

    @Override
    public RateRule parse(RuleEntry r, Problems problems) {
        return new RateRule(r.id(), r.description(), r.selector(), RuleFields.direction(r.get("direction"), problems),
                RuleFields.limits(r.get("per-minute"), true, problems),
                RuleFields.required(r.node(), "window", problems),
                r.get("hold").duration(problems, Duration.ZERO), RuleFields.positive(r.node(), "deadband", 0, problems),
                r.get("off-delay").duration(problems, Duration.ZERO));
    }

    @Override
    public List<AlertUpdate> evaluate(RateRule rule, Point point, PointRegistry registry, LimitSlice state,
            PointHistory history, Reading reading, long now) {
        return RateEvaluator.evaluate(rule, point, state, history, reading, now);
    }
}
