package io.parkwatch.rules.shutdown;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code type: shutdown-activity}: a plant or unit declared shut down whose values rise as if it ran. */
public final class ShutdownActivityKind extends DeclaredKind<ShutdownActivityRule, ActivitySlice> {

    public ShutdownActivityKind() {
        super("shutdown-activity", ShutdownActivityRule.class, Set.of("rise-per-minute", "window", "hold", "level"), ActivitySlice::new);
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
    public long historyMs(ShutdownActivityRule rule, Point point, PointRegistry registry, long timestamp) {
        return registry.isShutDown(point, timestamp) ? rule.window().toMillis() : 0; // it fits only from the shut-down on
    }

    @Override
    public List<AlertUpdate> evaluate(ShutdownActivityRule rule, Point point, PointRegistry registry,
            ActivitySlice state, PointHistory history, Reading reading, long now) {
        return ShutdownActivityEvaluator.evaluate(rule, point, registry.isShutDown(point, reading.timestamp()), state,
                history, reading, now);
    }
}
