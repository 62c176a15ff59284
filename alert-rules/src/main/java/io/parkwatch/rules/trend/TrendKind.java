package io.parkwatch.rules.trend;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code type: trend}: a limit the fitted trend will reach within the horizon (a predictive warning). */
public final class TrendKind extends DeclaredKind<TrendRule, LimitSlice> {

    public TrendKind() {
        super("trend", TrendRule.class,
                Set.of("direction", "limit", "window", "horizon", "significance", "hold", "off-delay", "level"), LimitSlice::new);
    }

    @Override
    public TrendRule parse(RuleEntry r, Problems problems) {
        return new TrendRule(r.id(), r.description(), r.selector(), RuleFields.direction(r.get("direction"), problems),
                RuleFields.number(r.node(), "limit", null, problems), RuleFields.required(r.node(), "window", problems),
                RuleFields.required(r.node(), "horizon", problems),
                RuleFields.positive(r.node(), "significance", 4, problems),
                r.get("hold").duration(problems, Duration.ZERO),
                r.get("off-delay").duration(problems, Duration.ofSeconds(30)),
                RuleFields.level(r.node(), Level.WARN, problems));
    }

    @Override
    public List<AlertUpdate> evaluate(TrendRule rule, Point point, PointRegistry registry, LimitSlice state,
            PointHistory history, Reading reading, long now) {
        return TrendEvaluator.evaluate(rule, point, state, history, reading, now);
    }
}
