package io.parkwatch.simulator.scenario;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the alerts a run raised with the ones its scenario expects. An alert counts when it was
 * raised with an event time inside the run; each expected alert is matched by rule and subject and
 * must have the level, the time window and the mask it names. Every other alert raised is unexpected,
 * unless its rule is listed under {@code allow}.
 */
public final class Verification {

    /** One expected alert: what was seen of it. */
    public record Outcome(Scenario.ExpectedAlert expected, boolean ok, String what) {
    }

    /** The whole comparison. */
    public record Report(String scenario, List<Outcome> outcomes, List<String> unexpected) {

        public boolean passed() {
            return unexpected.isEmpty() && outcomes.stream().allMatch(Outcome::ok);
        }

        public String text() {
            StringBuilder sb = new StringBuilder("scenario " + scenario + ": " + (passed() ? "PASSED" : "FAILED") + "\n");
            for (Outcome o : outcomes) {
                sb.append(o.ok() ? "  seen     " : "  FAILED   ").append(o.expected().describe()).append(": ")
                        .append(o.what()).append('\n');
            }
            for (String u : unexpected) {
                sb.append("  UNEXPECTED ").append(u).append('\n');
            }
            return sb.toString();
        }
    }

    private Verification() {
    }

    public static Report verify(Scenario s, List<AlertEvent> events, long start, long end) {
        List<AlertEvent> raised = events.stream().filter(e -> e.type() == AlertEventType.RAISED
                && e.eventTime() >= start && e.eventTime() <= end).toList();
        Set<String> matched = new HashSet<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario.ExpectedAlert x : s.expected()) {
            List<AlertEvent> candidates = raised.stream().filter(e -> e.ruleId().equals(x.rule())
                    && e.pointId().equals(x.subject()) && !matched.contains(e.alertId())).toList();
            if (candidates.isEmpty()) {
                outcomes.add(new Outcome(x, false, "MISSING"));
                continue;
            }
            AlertEvent e = candidates.get(0);
            matched.add(e.alertId());
            double at = (e.eventTime() - start) / 1000.0;
            double detectedAfter = (e.detectedAt() - e.readingReceivedAt()) / 1000.0;
            Level reached = events.stream().filter(y -> y.alertId().equals(e.alertId())).map(AlertEvent::level)
                    .max(Level::compareTo).orElse(e.level());
            List<String> wrong = new ArrayList<>();
            if (!e.level().name().equals(x.level())) {
                wrong.add("raised at " + e.level() + ", expected " + x.level());
            }
            if (x.reaches() != null && reached.compareTo(Level.valueOf(x.reaches())) < 0) {
                wrong.add("reached only " + reached);
            }
            if (at < x.from().toMillis() / 1000.0 || at > x.to().toMillis() / 1000.0) {
                wrong.add("outside its window");
            }
            String maskedBy = e.heldBack() == HoldBack.MASKED ? e.heldBackBy() : null;
            if (!Objects.equals(x.maskedBy(), maskedBy)) {
                wrong.add(maskedBy == null ? "not masked" : "masked by " + maskedBy);
            }
            String what = String.format(Locale.ROOT, "at +%.1f s, %s%s, detected %.2f s after its reading arrived",
                    at, e.level(), reached != e.level() ? " -> " + reached : "", Math.max(0, detectedAfter));
            outcomes.add(new Outcome(x, wrong.isEmpty(), wrong.isEmpty() ? what : what + ": " + String.join("; ", wrong)));
        }
        List<String> unexpected = raised.stream()
                .filter(e -> !matched.contains(e.alertId()) && !s.allowed().contains(e.ruleId()))
                .map(e -> String.format(Locale.ROOT, "%s on %s (%s) at +%.1f s: %s", e.ruleId(), e.pointId(), e.level(),
                        (e.eventTime() - start) / 1000.0, e.message()))
                .toList();
        return new Report(s.name(), outcomes, unexpected);
    }
}
