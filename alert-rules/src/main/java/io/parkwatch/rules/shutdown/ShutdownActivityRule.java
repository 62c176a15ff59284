package io.parkwatch.rules.shutdown;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.engine.WindowedRule;
import java.time.Duration;

/**
 * A plant (or unit) marked shut down must stay quiet: a temperature, pressure or flow of it rising
 * faster than {@code risePerMinute} (slope over {@code window}, held for {@code hold}) raises
 * "activity at a shut-down plant".
 */
public record ShutdownActivityRule(String id, String description, RuleSelector selector, double risePerMinute,
        Duration window, Duration hold, Level level) implements WindowedRule {
}
