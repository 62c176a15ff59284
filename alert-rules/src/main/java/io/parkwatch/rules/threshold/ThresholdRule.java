package io.parkwatch.rules.threshold;

import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;
import java.util.Map;

/**
 * High and/or low limits at up to three levels, with a deadband and delays against nuisance alarms.
 *
 * @param deadband how far back past the lowest limit the value must go before the alert recovers (hysteresis)
 * @param onDelay  how long a limit must be exceeded continuously before the alert is raised or escalated
 * @param offDelay how long the value must stay clear before the alert recovers
 * @param inModes  limits that replace the rule's while the point's plant or unit is in a mode (e.g. wider during
 *                 start-up), by mode
 */
public record ThresholdRule(String id, String description, RuleSelector selector, Limits high, Limits low,
        double deadband, Duration onDelay, Duration offDelay, Map<String, ModeLimits> inModes) implements Rule {

    /** The limits of one mode: either side may be left as the rule has it. */
    public record ModeLimits(Limits high, Limits low) {
    }

    public ThresholdRule {
        inModes = inModes == null ? Map.of() : Map.copyOf(inModes);
    }

    public ThresholdRule(String id, String description, RuleSelector selector, Limits high, Limits low,
            double deadband, Duration onDelay, Duration offDelay) {
        this(id, description, selector, high, low, deadband, onDelay, offDelay, Map.of());
    }

    @Override
    public java.util.Set<String> modesNamed() {
        return inModes.keySet();
    }

    /** The rule as it applies in a mode: that mode's limits where it has its own. */
    public ThresholdRule inMode(String mode) {
        ModeLimits m = mode == null ? null : inModes.get(mode);
        if (m == null) {
            return this;
        }
        return new ThresholdRule(id, description, selector, m.high() != null ? m.high() : high,
                m.low() != null ? m.low() : low, deadband, onDelay, offDelay, inModes);
    }
}
