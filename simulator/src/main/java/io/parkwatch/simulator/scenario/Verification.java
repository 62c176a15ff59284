package io.parkwatch.simulator.scenario;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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

    /** One expected incident: what was seen of it. */
    public record IncidentOutcome(Scenario.ExpectedIncident expected, boolean ok, String what) {
    }

    /** The whole comparison. */
    public record Report(String scenario, List<Outcome> outcomes, List<String> unexpected,
            List<IncidentOutcome> incidents, List<String> unexpectedIncidents, long start, long end) {

        public Report(String scenario, List<Outcome> outcomes, List<String> unexpected, long start, long end) {
            this(scenario, outcomes, unexpected, List.of(), List.of(), start, end);
        }

        public boolean passed() {
            return unexpected.isEmpty() && outcomes.stream().allMatch(Outcome::ok)
                    && incidents.stream().allMatch(IncidentOutcome::ok) && unexpectedIncidents.isEmpty();
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
            for (IncidentOutcome o : incidents) {
                sb.append(o.ok() ? "  seen     " : "  FAILED   ").append(o.expected().describe()).append(": ")
                        .append(o.what()).append('\n');
            }
            for (String u : unexpectedIncidents) {
                sb.append("  UNEXPECTED ").append(u).append('\n');
            }
            return sb.toString();
        }
    }

    private Verification() {
    }

    public static Report verify(Scenario s, List<AlertEvent> events, long start, long end) {
        return verify(s, events, List.of(), start, end);
    }

    /** With the incidents the job reported during the run ({@code parkwatch.incidents}). */
    public static Report verify(Scenario s, List<AlertEvent> events, List<IncidentEvent> incidentSteps, long start,
            long end) {
        Report alerts = verifyAlerts(s, events, start, end);
        if (s.expectedIncidents().isEmpty()) {
            return alerts;
        }
        // each incident as it stood at its latest step, those opened during the run
        Map<String, Incident> latest = new LinkedHashMap<>();
        incidentSteps.stream().sorted(Comparator.comparingInt(IncidentEvent::seq))
                .filter(e -> e.incident().openedAt() >= start && e.incident().openedAt() <= end)
                .forEach(e -> latest.put(e.incident().incidentId(), e.incident()));
        Set<String> matched = new HashSet<>();
        List<IncidentOutcome> outcomes = new ArrayList<>();
        for (Scenario.ExpectedIncident x : s.expectedIncidents()) {
            Incident found = latest.values().stream().filter(i -> !matched.contains(i.incidentId())
                    && i.firstOut().ruleId().equals(x.firstOutRule())
                    && i.firstOut().subject().equals(x.firstOutSubject())).findFirst().orElse(null);
            if (found == null) {
                outcomes.add(new IncidentOutcome(x, false, "MISSING (first-outs seen: " + latest.values().stream()
                        .map(i -> i.firstOut().ruleId() + " on " + i.firstOut().subject()).toList() + ")"));
                continue;
            }
            matched.add(found.incidentId());
            List<String> subjects = found.alarms().stream().map(a -> a.subject()).toList();
            List<String> wrong = new ArrayList<>();
            x.grouped().stream().filter(g -> !subjects.contains(g)).forEach(g -> wrong.add(g + " not grouped under it"));
            if (x.scope() != null && !x.scope().equals(found.scope())) {
                wrong.add("scope " + found.scope());
            }
            String what = String.format(Locale.ROOT, "%s at +%.1f s, %d alarms (%s), worst %s", found.incidentId(),
                    (found.openedAt() - start) / 1000.0, found.alarmCount(),
                    found.alarms().stream().map(a -> a.ruleId() + "/" + a.subject()).collect(Collectors.joining(", ")),
                    found.worstLevel());
            outcomes.add(new IncidentOutcome(x, wrong.isEmpty(), wrong.isEmpty() ? what : what + ": "
                    + String.join("; ", wrong)));
        }
        List<String> unexpected = latest.values().stream().filter(i -> !matched.contains(i.incidentId()))
                .map(i -> String.format(Locale.ROOT, "incident with first-out %s on %s (%d alarms) at +%.1f s",
                        i.firstOut().ruleId(), i.firstOut().subject(), i.alarmCount(), (i.openedAt() - start) / 1000.0))
                .toList();
        return new Report(alerts.scenario(), alerts.outcomes(), alerts.unexpected(), outcomes, unexpected, start, end);
    }

    private static Report verifyAlerts(Scenario s, List<AlertEvent> events, long start, long end) {
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
        return new Report(s.name(), outcomes, unexpected, start, end);
    }
}
