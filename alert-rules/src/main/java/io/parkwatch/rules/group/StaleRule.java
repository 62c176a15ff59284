package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;

/**
 * Offline: no reading for {@code intervals} times a point's expected interval. Judged on the wall
 * clock (silence makes no events). When every watched point of an enterprise's data logger is silent,
 * one "logger offline" alert replaces the individual ones.
 */
public record StaleRule(String id, String description, RuleSelector selector, double intervals, Level level)
        implements Rule {

    public long staleAfterMs(io.parkwatch.rules.model.Point p) {
        return Math.round(p.expectedInterval().toMillis() * intervals);
    }
}
