package io.parkwatch.rules.quality;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code type: quality}: readings flagged by the instrument, or outside its range. */
public final class QualityKind extends DeclaredKind<QualityRule, LimitSlice> {

    public QualityKind() {
        super("quality", QualityRule.class, Set.of("flags", "range", "on-delay", "level"), LimitSlice::new);
    }

    @Override
    public QualityRule parse(RuleEntry r, Problems problems) {
        return new QualityRule(r.id(), r.description(), r.selector(), flags(r.get("flags"), problems),
                !"false".equals(r.get("range").text(problems, false)),
                r.get("on-delay").duration(problems, Duration.ZERO), RuleFields.level(r.node(), Level.WARN, problems));
    }

    private static Set<Quality> flags(ConfigNode n, Problems problems) {
        if (n.isMissing()) {
            return QualityRule.DEFAULT_FLAGS;
        }
        Set<Quality> out = new LinkedHashSet<>();
        for (String f : n.texts(problems)) {
            try {
                out.add(Quality.parse(f));
            } catch (IllegalArgumentException e) {
                problems.add(n.error(e.getMessage()));
            }
        }
        return out;
    }

    /** The one rule that is about the readings the instrument does not vouch for. */
    @Override
    public boolean judgesUntrustedReadings() {
        return true;
    }

    @Override
    public List<AlertUpdate> evaluate(QualityRule rule, Point point, PointRegistry registry, LimitSlice state,
            Reading reading, long now) {
        return DataQualityEvaluator.evaluate(rule, point, state, reading, now);
    }
}
