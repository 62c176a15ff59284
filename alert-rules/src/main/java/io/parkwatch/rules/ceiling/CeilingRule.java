package io.parkwatch.rules.ceiling;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;

/** An example kind: any reading above a fixed ceiling raises at once at one level, and clears below it. */
public record CeilingRule(String id, String description, RuleSelector selector, double ceiling, Level level)
        implements Rule {
}
