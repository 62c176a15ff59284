package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code type: composite}: several conditions on the points of one unit within a window (a runaway, a fire). */
public final class CompositeKind extends DeclaredKind<CompositeRule, RuleSlice> implements GroupKind<CompositeRule> {

    public CompositeKind() {
        super("composite", CompositeRule.class, Set.of("all", "window", "hold", "level"), RuleSlice::new);
    }

    @Override
    public CompositeRule parse(RuleEntry r, Problems problems) {
        return new CompositeRule(r.id(), r.description(), r.selector(), conditions(r.get("all"), problems),
                r.get("window").duration(problems, Duration.ofMinutes(1)),
                r.get("hold").duration(problems, Duration.ZERO),
                RuleFields.level(r.node(), Level.CRITICAL, problems));
    }

    private static List<CompositeRule.Condition> conditions(ConfigNode n, Problems problems) {
        List<CompositeRule.Condition> out = new ArrayList<>();
        if (n.isMissing()) {
            problems.add(n.error("is required: a list of conditions like {kind: temperature, rate-above: 1}"));
            return out;
        }
        List<ConfigNode> items = n.elements(problems);
        if (n.isArray() && items.size() < 2) {
            problems.add(n.error("needs at least two conditions (one alone is a threshold or rate rule)"));
        }
        for (ConfigNode c : items) {
            c.allowOnly(problems, Set.of("kind", "value-above", "rate-above"));
            String k = c.get("kind").text(problems, true);
            PointKind kind = null;
            if (k != null) {
                try {
                    kind = PointKind.parse(k);
                } catch (IllegalArgumentException e) {
                    problems.add(c.get("kind").error(e.getMessage() + " (expected one of " + PointKind.allNames()
                            + ")"));
                }
            }
            Double value = c.get("value-above").number(problems, false);
            Double rate = c.get("rate-above").number(problems, false);
            if (value == null && rate == null && c.isObject()) {
                problems.add(c.error("needs value-above or rate-above"));
            }
            if (kind != null) {
                out.add(new CompositeRule.Condition(kind, value, rate));
            }
        }
        return out;
    }

    /** Per tank or unit. */
    @Override
    public String groupOf(CompositeRule rule, Point p) {
        return p.tank() == null ? null : "unit:" + p.tank();
    }

    @Override
    public List<AlertUpdate> onSignal(CompositeRule rule, GroupState state, PointSignal signal, String key,
            PointRegistry registry, long now) {
        return GroupEvaluator.onSignal(rule, state, signal, now);
    }
}
