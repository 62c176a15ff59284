package io.parkwatch.rules.quality;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;
import java.util.Set;

/**
 * Range and quality: a reading outside the instrument range, or flagged by the instrument or logger
 * (fault, maintenance, calibration, comms fault, over range), raises a data-quality alert; the first
 * good reading clears it. Such readings never drive process rules.
 */
public record QualityRule(String id, String description, RuleSelector selector, Set<Quality> flags,
        boolean checkRange, Duration onDelay, Level level) implements Rule {

    public static final Set<Quality> DEFAULT_FLAGS = Set.of(Quality.D, Quality.M, Quality.C, Quality.B, Quality.T);
}
