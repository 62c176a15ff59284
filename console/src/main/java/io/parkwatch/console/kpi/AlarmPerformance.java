package io.parkwatch.console.kpi;

import io.parkwatch.rules.incident.Flood;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alarm-management figures over a period, as ISA-18.2 and EEMUA 191 measure them, from the alert
 * life-cycle events.
 *
 * <p>What counts:
 * <ul>
 * <li>An <b>annunciation</b> is what makes the board sound: an alert raised, raised again within the
 * hold-off (REPEATED), or stepping up a level (warning to alarm to critical: in a DCS these are separate
 * H and HH alarms). Events masked by a maintenance permit are not annunciated and do not count.
 * Times are event times (when the process did it), so a replayed history gives the same figures.</li>
 * <li><b>Alarms per hour per operator position</b>: the park monitoring center carries every enterprise,
 * each enterprise's control room its own. Rated against ISA-18.2's averages: up to 6 per hour (150 a day)
 * very likely acceptable, up to 12 (300 a day) the maximum manageable, above that likely over-demanding.</li>
 * <li><b>Chattering</b>: the same alarm (rule, subject, direction) coming back (RAISED or REPEATED) three or
 * more times within 60 seconds. A level step is not a return, so it does not count here.</li>
 * <li><b>Standing</b>: raised at least 24 hours before the end of the period and not closed by then.</li>
 * <li><b>Flood</b>: the park's one definition ({@link Flood}, EEMUA 191 by default: more than 10 annunciations
 * within a sliding 10 minutes), the same the live incidents use; a flood lasts from the annunciation that
 * crossed the count until the window holds no more than the count again.</li>
 * </ul>
 */
public final class AlarmPerformance {

    static final long HOUR = 3_600_000;
    static final long TEN_MINUTES = 600_000;
    static final long CHATTER_WINDOW = 60_000;
    static final int CHATTER_COUNT = 3;
    static final long STANDING_AFTER = 24 * HOUR;

    private AlarmPerformance() {
    }

    /**
     * @param events          every event with an event time before {@code to} that the viewer may see
     *                        (earlier ones too: standing alarms were raised before the period)
     * @param parkWide        whether to report the park monitoring center's position
     * @param enterprises     the enterprises whose control rooms to report, even with no alarms
     */
    public static KpiReport compute(List<AlertEvent> events, long from, long to, boolean parkWide,
            List<String> enterprises) {
        return compute(events, from, to, parkWide, enterprises, AlertEvent::message);
    }

    /** @param sentence how an alarm's last message is shown (the reader's language) */
    public static KpiReport compute(List<AlertEvent> events, long from, long to, boolean parkWide,
            List<String> enterprises, java.util.function.Function<AlertEvent, String> sentence) {
        return compute(events, from, to, parkWide, enterprises, sentence, Flood.EEMUA_191);
    }

    /** @param flood what a flood is (incidents: in parkwatch.yaml) */
    public static KpiReport compute(List<AlertEvent> events, long from, long to, boolean parkWide,
            List<String> enterprises, java.util.function.Function<AlertEvent, String> sentence, Flood flood) {
        if (to <= from) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        List<AlertEvent> annunciations = events.stream()
                .filter(e -> e.eventTime() >= from && e.eventTime() < to && isAnnunciation(e))
                .sorted(Comparator.comparingLong(AlertEvent::eventTime)).toList();
        double hours = (to - from) / (double) HOUR;

        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (String l : List.of("CRITICAL", "ALARM", "WARN")) {
            byLevel.put(l, (int) annunciations.stream().filter(e -> e.level().name().equals(l)).count());
        }

        List<KpiReport.PositionLoad> positions = new ArrayList<>();
        if (parkWide) {
            positions.add(load("park monitoring center", null, annunciations, from, to, hours));
        }
        for (String ent : enterprises) {
            positions.add(load(ent + " control room", ent,
                    annunciations.stream().filter(e -> ent.equals(e.enterpriseId())).toList(), from, to, hours));
        }

        List<KpiReport.FrequentAlarm> top = topTen(annunciations, sentence);
        // from the counts, not the rounded shares (which would add up to 99.99)
        double topShare = annunciations.isEmpty() ? 0
                : 100.0 * top.stream().mapToInt(KpiReport.FrequentAlarm::count).sum() / annunciations.size();

        List<KpiReport.Flood> floods = flood.periods(annunciations.stream().map(AlertEvent::eventTime).toList(), to)
                .stream().map(f -> new KpiReport.Flood(f.start(), f.end(), f.alarms(), f.peak())).toList();
        long floodMillis = floods.stream().mapToLong(f -> f.end() - f.start()).sum();

        return new KpiReport(from, to, round(hours), annunciations.size(), byLevel, positions, top, round(topShare),
                chattering(annunciations), standing(events, to), floods,
                round(100.0 * floodMillis / (to - from)), heldBack(events, from, to));
    }

    /** Shelvings (how many, how long within the period) and the raises each alarm-management state held back. */
    static KpiReport.HeldBack heldBack(List<AlertEvent> events, long from, long to) {
        Map<String, Integer> raised = new LinkedHashMap<>();
        for (io.parkwatch.rules.model.HoldBack h : io.parkwatch.rules.model.HoldBack.values()) {
            raised.put(h.name(), 0);
        }
        Map<String, AlertEvent> shelvedSince = new HashMap<>();
        int shelves = 0;
        long total = 0;
        long longest = 0;
        List<AlertEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(AlertEvent::eventTime));
        for (AlertEvent e : sorted) {
            boolean inPeriod = e.eventTime() >= from && e.eventTime() < to;
            if (inPeriod && !e.announced() && (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED)) {
                raised.merge(e.heldBack().name(), 1, Integer::sum);
            }
            if (e.type() == AlertEventType.SHELVED) {
                shelvedSince.put(e.alertId(), e);
                if (inPeriod) {
                    shelves++;
                }
            } else if (e.type() == AlertEventType.UNSHELVED && shelvedSince.containsKey(e.alertId())) {
                long d = within(shelvedSince.remove(e.alertId()).eventTime(), e.eventTime(), from, to);
                total += d;
                longest = Math.max(longest, d);
            }
        }
        for (AlertEvent s : shelvedSince.values()) { // still shelved: until its expiry or the period's end
            long d = within(s.eventTime(), s.until() > 0 ? Math.min(s.until(), to) : to, from, to);
            total += d;
            longest = Math.max(longest, d);
        }
        return new KpiReport.HeldBack(shelves, round(total / (double) HOUR), round(longest / (double) HOUR), raised);
    }

    private static long within(long start, long end, long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }

    static boolean isAnnunciation(AlertEvent e) {
        if (!e.announced()) {
            return false; // masked, shelved, out of service or suppressed by mode: shown, not announced
        }
        return e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED
                || (e.type() == AlertEventType.LEVEL_CHANGED && e.previousLevel() != null
                        && e.level().compareTo(e.previousLevel()) > 0);
    }

    private static KpiReport.PositionLoad load(String position, String enterprise, List<AlertEvent> alarms, long from,
            long to, double hours) {
        double perHour = alarms.size() / hours;
        long peak = bucketCounts(alarms, from, to).stream().mapToLong(Long::longValue).max().orElse(0);
        String rating = perHour <= 6 ? "very likely acceptable" : perHour <= 12 ? "maximum manageable"
                : "likely over-demanding";
        return new KpiReport.PositionLoad(position, enterprise, alarms.size(), round(perHour), (int) peak, rating);
    }

    private static List<KpiReport.FrequentAlarm> topTen(List<AlertEvent> annunciations,
            java.util.function.Function<AlertEvent, String> sentence) {
        Map<String, List<AlertEvent>> byAlarm = new LinkedHashMap<>();
        annunciations.forEach(e -> byAlarm.computeIfAbsent(e.ruleId() + "|" + e.pointId(), k -> new ArrayList<>()).add(e));
        return byAlarm.values().stream()
                .sorted(Comparator.<List<AlertEvent>>comparingInt(List::size).reversed()
                        .thenComparing(l -> l.get(0).ruleId()).thenComparing(l -> l.get(0).pointId()))
                .limit(10)
                .map(l -> {
                    AlertEvent last = l.get(l.size() - 1);
                    return new KpiReport.FrequentAlarm(last.ruleId(), last.pointId(), last.enterpriseId(), l.size(),
                            round(100.0 * l.size() / annunciations.size()), sentence.apply(last));
                }).toList();
    }

    private static List<KpiReport.Chattering> chattering(List<AlertEvent> annunciations) {
        Map<String, List<AlertEvent>> returns = new LinkedHashMap<>();
        annunciations.stream().filter(e -> e.type() != AlertEventType.LEVEL_CHANGED).forEach(e -> returns
                .computeIfAbsent(e.ruleId() + "|" + e.pointId() + "|" + e.direction(), k -> new ArrayList<>()).add(e));
        List<KpiReport.Chattering> out = new ArrayList<>();
        for (List<AlertEvent> l : returns.values()) {
            int max = 0;
            int start = 0;
            for (int end = 0; end < l.size(); end++) {
                while (l.get(end).eventTime() - l.get(start).eventTime() > CHATTER_WINDOW) {
                    start++;
                }
                max = Math.max(max, end - start + 1);
            }
            if (max >= CHATTER_COUNT) {
                AlertEvent e = l.get(0);
                out.add(new KpiReport.Chattering(e.ruleId(), e.pointId(), e.enterpriseId(), max, l.size()));
            }
        }
        out.sort(Comparator.comparingInt(KpiReport.Chattering::maxIn60s).reversed());
        return out;
    }

    private static List<KpiReport.Standing> standing(List<AlertEvent> events, long to) {
        Set<String> closed = new HashSet<>();
        Map<String, AlertEvent> raised = new HashMap<>();
        for (AlertEvent e : events) {
            if (e.eventTime() >= to) {
                continue;
            }
            if (e.type() == AlertEventType.CLOSED) {
                closed.add(e.alertId());
            } else if (e.type() == AlertEventType.RAISED && e.announced()) {
                raised.put(e.alertId(), e);
            }
        }
        return raised.values().stream()
                .filter(e -> !closed.contains(e.alertId()) && e.eventTime() <= to - STANDING_AFTER)
                .sorted(Comparator.comparingLong(AlertEvent::eventTime))
                .map(e -> new KpiReport.Standing(e.alertId(), e.ruleId(), e.pointId(), e.enterpriseId(),
                        e.level().name(), e.eventTime(), round((to - e.eventTime()) / (double) HOUR)))
                .toList();
    }

    /** Annunciations per 10-minute interval, intervals counted from {@code from}; the last may be shorter. */
    static List<Long> bucketCounts(List<AlertEvent> alarms, long from, long to) {
        int n = (int) ((to - from + TEN_MINUTES - 1) / TEN_MINUTES);
        long[] counts = new long[n];
        alarms.forEach(e -> counts[(int) ((e.eventTime() - from) / TEN_MINUTES)]++);
        List<Long> out = new ArrayList<>(n);
        for (long c : counts) {
            out.add(c);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
