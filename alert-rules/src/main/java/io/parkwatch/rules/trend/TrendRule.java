package io.parkwatch.rules.trend;

import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.engine.WindowedRule;
import java.time.Duration;

/**
 * Predictive early warning: a straight line fitted to the last {@code window} of readings; when it
 * is heading for {@code limit} and would reach it within {@code horizon}, warn now and say when.
 * The slope must stand out from the noise by {@code significance} standard errors, so a flat noisy
 * signal never triggers it.
 */
public record TrendRule(String id, String description, RuleSelector selector, Direction direction, double limit,
        Duration window, Duration horizon, double significance, Duration hold, Duration offDelay, Level level)
        implements WindowedRule {
}
