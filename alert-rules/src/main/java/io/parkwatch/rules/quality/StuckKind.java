package io.parkwatch.rules.quality;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.util.List;
import java.util.Set;

/** {@code type: stuck}: a value that varies less than a band for too long (a gauge that may be stuck). */
public final class StuckKind extends DeclaredKind<StuckRule, StuckSlice> {

    public StuckKind() {
        super("stuck", StuckRule.class, Set.of("band-percent", "for", "level"), StuckSlice::new);
    }

    @Override
    public StuckRule parse(RuleEntry r, Problems problems) {
        return new StuckRule(r.id(), r.description(), r.selector(), RuleFields.positive(r.node(), "band-percent", 2,
                problems), RuleFields.required(r.node(), "for", problems),
                RuleFields.level(r.node(), Level.WARN, problems));
    }

    @Override
    public List<AlertUpdate> evaluate(StuckRule rule, Point point, PointRegistry registry, StuckSlice state,
            Reading reading, long now) {
        return DataQualityEvaluator.evaluate(rule, point, state, reading, now);
    }
}
