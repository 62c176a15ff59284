package io.parkwatch.console.kpi;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast and how fully alarms were answered (叫应率), from the alert events: per enterprise, tier and level, and for
 * the park as a whole. An occurrence of an alarm (its raise, or a repeat within the hold-off) calls its first tier and
 * then, unanswered, the next ones; the answer is its first acknowledgement (or closing, which answers it too).
 * <ul>
 * <li>reached: occurrences that called the tier;</li>
 * <li>in time: answered while the tier held it, before its time to acknowledge ran out;</li>
 * <li>time to acknowledge: from when the tier was called to the answer, for those it answered (median, 90th
 * percentile);</li>
 * <li>escalated: the tier did not answer and the next one was called;</li>
 * <li>unanswered: the tier holds it and nobody has answered by the end of the period.</li>
 * </ul>
 * For the park: every occurrence; in time when whoever held it answered in time; the time from the raise; escalated
 * at least once. Occurrences raised in the period count; held-back ones (masked, shelved, out of service, suppressed
 * by mode) are not announced and do not.
 */
public final class ResponseFigures {

    /** One row: an enterprise's tier at a level, or the park as a whole (enterprise, tier and level null). */
    public record Row(String enterprise, String tier, String tierName, String level, int reached, int inTime,
            double inTimePercent, Double medianSeconds, Double p90Seconds, int escalated, int unanswered) {
    }

    public record Report(long from, long to, List<Row> rows, Row park) {
    }

    private ResponseFigures() {
    }

    private static final class Tally {
        String tierName;
        int reached;
        int inTime;
        int escalated;
        int unanswered;
        final List<Long> times = new ArrayList<>();

        Row row(String enterprise, String tier, String level) {
            times.sort(Long::compare);
            return new Row(enterprise, tier, tierName, level, reached, inTime,
                    reached == 0 ? 0 : Math.round(1000.0 * inTime / reached) / 10.0, percentile(times, 50),
                    percentile(times, 90), escalated, unanswered);
        }
    }

    /** The call of a tier: who, when, by when. */
    private record Call(Recipient to, long at, long deadline) {
    }

    public static Report compute(List<AlertEvent> events, long from, long to) {
        Map<String, List<AlertEvent>> byAlert = new LinkedHashMap<>();
        for (AlertEvent e : events) {
            byAlert.computeIfAbsent(e.alertId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Tally> tallies = new LinkedHashMap<>(); // tiers in the order alarms called them
        Tally park = new Tally();
        for (List<AlertEvent> alert : byAlert.values()) {
            alert.sort(Comparator.comparingLong(AlertEvent::detectedAt).thenComparingInt(AlertEvent::seq));
            List<Call> calls = null;
            AlertEvent start = null;
            for (int i = 0; i <= alert.size(); i++) {
                AlertEvent e = i < alert.size() ? alert.get(i) : null;
                boolean occurrence = e != null && (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED);
                boolean answer = e != null && (e.type() == AlertEventType.ACKNOWLEDGED || e.type() == AlertEventType.CLOSED);
                if (calls != null && (e == null || occurrence || answer)) {
                    long answeredAt = answer && e.eventTime() < to ? e.eventTime() : -1;
                    count(start, calls, answeredAt, tallies, park);
                    calls = null;
                }
                if (occurrence && e.announced() && !e.recipients().isEmpty() && e.detectedAt() >= from
                        && e.detectedAt() < to) {
                    start = e;
                    calls = new ArrayList<>();
                    calls.add(new Call(e.recipients().get(0), e.detectedAt(), e.until()));
                } else if (calls != null && e.type() == AlertEventType.ESCALATED && !e.recipients().isEmpty()
                        && e.detectedAt() < to) {
                    calls.add(new Call(e.recipients().get(0), e.detectedAt(), e.until()));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        tallies.forEach((key, t) -> {
            String[] k = key.split("\\|", -1);
            rows.add(t.row(k[0], k[2], k[1]));
        });
        rows.sort(Comparator.comparing(Row::enterprise).thenComparing(r -> -levelRank(r.level()))); // stable
        return new Report(from, to, rows, park.row(null, null, null));
    }

    private static void count(AlertEvent start, List<Call> calls, long answeredAt, Map<String, Tally> tallies,
            Tally park) {
        String level = start.level() == null ? "" : start.level().name();
        park.reached++;
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            boolean last = i == calls.size() - 1;
            // key: enterprise | level | tier, so rows come out by enterprise, level, then tier order of the key
            Tally t = tallies.computeIfAbsent(start.enterpriseId() + "|" + level + "|" + c.to().tier(), k -> new Tally());
            t.tierName = c.to().tierName();
            t.reached++;
            boolean heldWhenAnswered = answeredAt >= 0 && (last || answeredAt < calls.get(i + 1).at());
            if (heldWhenAnswered) {
                t.times.add(answeredAt - c.at());
                if (c.deadline() <= 0 || answeredAt <= c.deadline()) {
                    t.inTime++;
                    park.inTime++;
                }
            } else if (!last) {
                t.escalated++;
            } else {
                t.unanswered++;
            }
        }
        if (answeredAt >= 0) {
            park.times.add(answeredAt - calls.get(0).at());
        } else {
            park.unanswered++;
        }
        if (calls.size() > 1) {
            park.escalated++;
        }
    }

    private static int levelRank(String level) {
        return level == null || level.isEmpty() ? -1 : io.parkwatch.rules.model.Level.valueOf(level).ordinal();
    }

    /** The p-th percentile (nearest rank) in seconds, or null for none. */
    static Double percentile(List<Long> sortedMs, int p) {
        if (sortedMs.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMs.size());
        return sortedMs.get(Math.max(0, rank - 1)) / 1000.0;
    }
}
