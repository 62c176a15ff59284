package io.parkwatch.rules.shutdown;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.WindowSlice;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code type: shutdown-activity}: a plant or unit declared shut down whose values rise as if it ran. */
public final class ShutdownActivityKind extends DeclaredKind<ShutdownActivityRule, WindowSlice> {

    public ShutdownActivityKind() {
        super("shutdown-activity", ShutdownActivityRule.class, Set.of("rise-per-minute", "window", "hold", "level"), WindowSlice::new);
    }

    @Override
    public ShutdownActivityRule parse(RuleEntry r, Problems problems) {
        return new ShutdownActivityRule(r.id(), r.description(), r.selector(),
                RuleFields.number(r.node(), "rise-per-minute", null, problems),
                r.get("window").duration(problems, Duration.ofMinutes(5)),
                r.get("hold").duration(problems, Duration.ofMinutes(1)),
                RuleFields.level(r.node(), Level.ALARM, problems));
    }

    @Override
    public List<AlertUpdate> evaluate(ShutdownActivityRule rule, Point point, PointRegistry registry, WindowSlice state,
            Reading reading, long now) {
        return ShutdownActivityEvaluator.evaluate(rule, point, registry.isShutDown(point, reading.timestamp()), state, reading, now);
    }
}
