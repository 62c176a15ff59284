package io.parkwatch.rules.threshold;

import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;

/**
 * High and/or low limits at up to three levels, with a deadband and delays against nuisance alarms.
 *
 * @param deadband how far back past the lowest limit the value must go before the alert recovers (hysteresis)
 * @param onDelay  how long a limit must be exceeded continuously before the alert is raised or escalated
 * @param offDelay how long the value must stay clear before the alert recovers
 */
public record ThresholdRule(String id, String description, RuleSelector selector, Limits high, Limits low,
        double deadband, Duration onDelay, Duration offDelay) implements Rule {
}
