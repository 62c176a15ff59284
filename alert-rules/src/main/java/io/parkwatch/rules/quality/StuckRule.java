package io.parkwatch.rules.quality;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;

/** Stuck value: a point whose readings vary by less than {@code bandPercent} of its span for {@code duration}. */
public record StuckRule(String id, String description, RuleSelector selector, double bandPercent, Duration duration,
        Level level) implements Rule {
}
