package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;

/**
 * k of n: when at least {@code k} of the selected detectors of one zone are at or above {@code atOrAbove}
 * together, raise a zone alert at {@code level} (e.g. two combustible detectors at 25 %LEL = critical).
 * A detector counts until it falls below {@code atOrAbove - deadband}.
 */
public record VotingRule(String id, String description, RuleSelector selector, int k, double atOrAbove,
        double deadband, Duration hold, Level level) implements Rule {
}
