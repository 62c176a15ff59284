package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;
import java.util.List;

/**
 * Several points of one tank or unit together: every condition must hold at once (on some point of
 * the unit) for {@code hold}, e.g. temperature rising faster than 1 degC/min AND pressure rising faster
 * than 0.02 MPa/min = thermal runaway, critical.
 */
public record CompositeRule(String id, String description, RuleSelector selector, List<Condition> all,
        Duration window, Duration hold, Level level) implements Rule {

    public CompositeRule {
        all = List.copyOf(all);
    }

    /** One condition: on points of {@code kind}, the value above {@code valueAbove} and/or the rate above {@code rateAbove}. */
    public record Condition(PointKind kind, Double valueAbove, Double rateAbove) {

        public boolean holds(double value, double ratePerMinute) {
            return (valueAbove == null || value > valueAbove) && (rateAbove == null || ratePerMinute > rateAbove);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(kind.fileName());
            if (rateAbove != null) {
                sb.append(" rising > ").append(rateAbove).append("/min");
            }
            if (valueAbove != null) {
                sb.append(rateAbove != null ? " and" : "").append(" > ").append(valueAbove);
            }
            return sb.toString();
        }
    }
}
