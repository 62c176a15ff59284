package io.parkwatch.rules.rate;

import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.engine.WindowedRule;
import java.time.Duration;

/**
 * Rate of change: the least-squares slope of the last {@code window} of readings, in units per
 * minute, compared with limits at up to three levels, held for {@code hold} (e.g. a reactor warming
 * faster than 0.5 degC/min for 2 min = warn, 1 = alarm, 2 = critical).
 *
 * @param direction HIGH for a rise, LOW for a fall (limits are then the speed of the fall, positive)
 */
public record RateRule(String id, String description, RuleSelector selector, Direction direction,
        Limits perMinute, Duration window, Duration hold, double deadband, Duration offDelay) implements WindowedRule {
}
