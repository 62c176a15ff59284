package io.parkwatch.rules.group;

import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.model.Level;
import java.util.Set;

/** {@code type: stale}: points silent for some reporting intervals; a whole silent data logger is one alert. */
public final class StaleKind extends DeclaredKind<StaleRule> {

    public StaleKind() {
        super("stale", StaleRule.class, Set.of("intervals", "level"));
    }

    @Override
    public StaleRule parse(RuleEntry r, Problems problems) {
        return new StaleRule(r.id(), r.description(), r.selector(),
                RuleFields.positive(r.node(), "intervals", 3, problems),
                RuleFields.level(r.node(), Level.WARN, problems));
    }

    /** Decided per data logger by the group stage. */
    @Override
    public boolean perPoint() {
        return false;
    }
}
