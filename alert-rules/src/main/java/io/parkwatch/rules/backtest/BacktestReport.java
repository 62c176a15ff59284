package io.parkwatch.rules.backtest;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest found: the alerts, counted per rule and per point, and, against a baseline run,
 * which alerts the new rules add, remove, or move in time.
 */
public final class BacktestReport {

    /** Alerts of the same rule and subject raised this close together are the same alert, moved. */
    static final long SAME_ALERT_MS = 5 * 60_000;

    private BacktestReport() {
    }

    /** One alert in a comparison: its rule, subject, raise time and highest level reached. */
    public record Raised(String ruleId, String subject, long at, String level, String message) {
    }

    /** The comparison of two runs. */
    public record Diff(List<Raised> added, List<Raised> removed, List<String> moved) {
    }

    public static List<Raised> raised(List<AlertEvent> events) {
        Map<String, Raised> byAlert = new java.util.LinkedHashMap<>();
        for (AlertEvent e : events) {
            if (e.type() == AlertEventType.RAISED) {
                byAlert.putIfAbsent(e.alertId(), new Raised(e.ruleId(), e.pointId(), e.eventTime(), e.level().name(), e.message()));
            } else if (e.type() == AlertEventType.LEVEL_CHANGED && byAlert.containsKey(e.alertId())) {
                Raised r = byAlert.get(e.alertId());
                byAlert.put(e.alertId(), new Raised(r.ruleId(), r.subject(), r.at(), e.level().name(), r.message()));
            }
        }
        return new ArrayList<>(byAlert.values());
    }

    public static Diff diff(List<AlertEvent> candidate, List<AlertEvent> baseline) {
        List<Raised> left = new ArrayList<>(raised(baseline));
        List<Raised> added = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (Raised r : raised(candidate)) {
            Raised match = null;
            for (Raised b : left) {
                if (b.ruleId().equals(r.ruleId()) && b.subject().equals(r.subject())
                        && Math.abs(b.at() - r.at()) <= SAME_ALERT_MS) {
                    match = b;
                    break;
                }
            }
            if (match == null) {
                added.add(r);
                continue;
            }
            left.remove(match);
            long shift = r.at() - match.at();
            if (shift != 0 || !r.level().equals(match.level())) {
                moved.add(String.format("%s %s: %s%s", r.ruleId(), r.subject(),
                        shift == 0 ? "same time" : (shift < 0 ? (-shift / 1000) + " s earlier" : (shift / 1000) + " s later"),
                        r.level().equals(match.level()) ? "" : ", " + match.level() + " -> " + r.level()));
            }
        }
        return new Diff(added, left, moved);
    }

    public static void print(List<AlertEvent> events, Diff diff, long readings, long millis, PrintWriter out) {
        List<Raised> raised = raised(events);
        out.printf("%d readings, %d alert events, %d alerts, in %.1f s%n%n", readings, events.size(), raised.size(),
                millis / 1000.0);
        for (AlertEvent e : events) {
            out.printf("%s  %-13s %-8s %-24s %-20s %s%n", Instant.ofEpochMilli(e.eventTime()), e.type(), e.level(),
                    e.ruleId(), e.pointId(), e.message());
        }
        out.println();
        out.println("alerts per rule:");
        count(raised, Raised::ruleId).forEach((k, v) -> out.printf("  %-28s %5d%n", k, v));
        out.println("alerts per point or group:");
        count(raised, Raised::subject).forEach((k, v) -> out.printf("  %-28s %5d%n", k, v));
        if (diff != null) {
            out.printf("%nagainst the baseline: %d added, %d removed, %d moved%n", diff.added().size(),
                    diff.removed().size(), diff.moved().size());
            diff.added().forEach(r -> out.printf("  + %s %s %s at %s%n", r.ruleId(), r.subject(), r.level(), Instant.ofEpochMilli(r.at())));
            diff.removed().forEach(r -> out.printf("  - %s %s %s at %s%n", r.ruleId(), r.subject(), r.level(), Instant.ofEpochMilli(r.at())));
            diff.moved().forEach(m -> out.println("  ~ " + m));
        }
        out.flush();
    }

    private static Map<String, Integer> count(List<Raised> raised, java.util.function.Function<Raised, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        raised.forEach(r -> m.merge(key.apply(r), 1, Integer::sum));
        return m;
    }
}
