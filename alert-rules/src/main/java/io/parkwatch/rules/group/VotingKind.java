package io.parkwatch.rules.group;

import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.util.Set;

/** {@code type: voting}: k detectors of a zone at or above a value (GB/T 50493 interlock voting). */
public final class VotingKind extends DeclaredKind<VotingRule> {

    public VotingKind() {
        super("voting", VotingRule.class, Set.of("k", "at-or-above", "deadband", "hold", "level"));
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

    /** Decided per zone by the group stage. */
    @Override
    public boolean perPoint() {
        return false;
    }
}
