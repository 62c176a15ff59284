package io.parkwatch.rules.group;

import java.util.List;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.util.Set;

/** {@code type: voting}: k detectors of a zone at or above a value (GB/T 50493 interlock voting). */
public final class VotingKind extends DeclaredKind<VotingRule, RuleSlice> implements GroupKind<VotingRule> {

    public VotingKind() {
        super("voting", VotingRule.class, Set.of("k", "at-or-above", "deadband", "hold", "level"), RuleSlice::new);
    }

    @Override
    public VotingRule parse(RuleEntry r, Problems problems) {
        VotingRule v = new VotingRule(r.id(), r.description(), r.selector(),
                (int) RuleFields.positive(r.node(), "k", 2, problems),
                RuleFields.number(r.node(), "at-or-above", null, problems),
                RuleFields.positive(r.node(), "deadband", 0, problems), r.get("hold").duration(problems, Duration.ZERO),
                RuleFields.level(r.node(), Level.CRITICAL, problems));
        if (v.k() < 2 && r.cleanSoFar(problems)) {
            problems.add(r.get("k").error("must be at least 2 (one detector alone is a threshold rule)"));
        }
        return v;
    }

    /** Per zone: a detector without a zone votes in none. */
    @Override
    public String groupOf(VotingRule rule, Point p) {
        return p.zone() == null ? null : "zone:" + p.zone();
    }

    @Override
    public List<AlertUpdate> onSignal(VotingRule rule, GroupState state, PointSignal signal, String key,
            PointRegistry registry, long now) {
        return GroupEvaluator.onSignal(rule, state, signal, now);
    }
}
