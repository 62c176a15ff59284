package io.parkwatch.rules.incident;

import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alarm floods become incidents: the alarms of one position (an enterprise) are grouped as they come, a pure state
 * machine over the position's {@link IncidentBook}.
 * <ul>
 *   <li>Only announced alarms count: a raise (or a re-alarm) that no alarm-management state holds back.</li>
 *   <li>An alarm joins the position's newest incident of the same scope (process, or data: offline and quality)
 *       whose last alarm was raised within {@code joinWithin} of it; otherwise it opens a new incident and is its
 *       first-out. A logger falling silent raises data alarms only, so it is one data incident, apart from what
 *       the process does; loggers offline are the park's ({@link #position}), so a gateway or network failure
 *       that silences many enterprises' loggers is one "link" incident.</li>
 *   <li>An alarm that joins with a higher level than the incident's worst, a kind of measurement the incident has
 *       not had (toxic after combustible) or a new place (zone, else tank; for the park's links, a second enterprise) is a development, never folded away;
 *       so is an alarm of the incident rising above the incident's worst.</li>
 *   <li>The incident is acknowledged when every alarm still open is acknowledged, open again when one is not (a
 *       new alarm, one back from shelving), closed when every alarm is closed; then it leaves the book.</li>
 *   <li>The position is in flood while more than {@code flood.above()} alarms were announced within
 *       {@code flood.window()}; the flood ends when the window holds no more than that ({@link #tick}).</li>
 * </ul>
 */
public final class IncidentGrouping {

    /** How alarms are grouped. */
    public record Settings(Duration joinWithin, Flood flood) implements java.io.Serializable {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(10), Flood.EEMUA_191);
    }

    private IncidentGrouping() {
    }

    /** What an incident is about: the process, its measurement (points offline, data quality), the links to loggers. */
    public static final java.util.List<String> SCOPES = java.util.List.of("process", "data", "link");

    /** The park's own position: its links to the enterprises' loggers, and alarms of no enterprise. */
    public static final String PARK = "park";

    /**
     * The position an alert event belongs to (the key incidents are computed under): its enterprise; the park for a
     * data logger gone offline, since what silences loggers of several enterprises at once (a gateway, the park's
     * network) is the park's, and its duty officers see it as one incident.
     */
    public static String position(AlertEvent e) {
        return e.enterpriseId() == null || loggerOffline(e) ? PARK : e.enterpriseId();
    }

    /** A whole data logger silent: the stale rule's alarm on subject {@code logger:<id>}. */
    static boolean loggerOffline(AlertEvent e) {
        return e.pointId() != null && e.pointId().startsWith("logger:");
    }

    static String scope(AlertEvent e) {
        if (loggerOffline(e)) {
            return "link";
        }
        return e.category() == AlertCategory.DATA_QUALITY ? "data" : "process";
    }

    public static List<IncidentEvent> apply(IncidentBook book, AlertEvent e, Settings s) {
        List<IncidentEvent> out = new ArrayList<>();
        switch (e.type()) {
            case RAISED, REPEATED -> {
                if (e.heldBack() == null) {
                    raised(book, e, s, out);
                }
            }
            case LEVEL_CHANGED -> member(book, e.alertId()).ifPresent(i -> rose(book, i, e, out));
            case ACKNOWLEDGED -> member(book, e.alertId()).ifPresent(i -> acknowledged(book, i, e, true, out));
            case UNSHELVED -> member(book, e.alertId()).ifPresent(i -> acknowledged(book, i, e,
                    e.actor() != null && !"shelving".equals(e.actor()), out));
            case CLOSED -> member(book, e.alertId()).ifPresent(i -> closed(book, i, e, out));
            default -> {
            }
        }
        return out;
    }

    /** The wall clock moved: a flood ends when its window no longer holds enough alarms. */
    public static List<IncidentEvent> tick(IncidentBook book, long now, Settings s) {
        List<IncidentEvent> out = new ArrayList<>();
        book.raises.removeIf(t -> t <= now - s.flood().window().toMillis());
        if (book.inFlood && book.raises.size() <= s.flood().above()) {
            book.inFlood = false;
            if (!book.incidents.isEmpty()) {
                Incident newest = book.incidents.get(book.incidents.size() - 1);
                replace(book, newest, withFlood(newest, false, now));
                emit(book, book.incidents.get(book.incidents.size() - 1), IncidentEventType.FLOOD_ENDED, null, now, out);
            }
        }
        return out;
    }

    /** When {@link #tick} may next change something: the oldest raise leaving the window, or never (MAX_VALUE). */
    public static long nextTick(IncidentBook book, Settings s) {
        return book.raises.isEmpty() ? Long.MAX_VALUE : book.raises.get(0) + s.flood().window().toMillis() + 1;
    }

    private static void raised(IncidentBook book, AlertEvent e, Settings s, List<IncidentEvent> out) {
        if (member(book, e.alertId()).isPresent()) {
            return; // a re-alarm of an alarm the incident already has
        }
        String scope = scope(e);
        long t = e.eventTime();
        Incident joined = null;
        for (int k = book.incidents.size() - 1; k >= 0; k--) {
            Incident i = book.incidents.get(k);
            long last = i.alarms().stream().mapToLong(IncidentAlarm::raisedAt).max().orElse(i.openedAt());
            if (i.scope().equals(scope) && Math.abs(t - last) <= s.joinWithin().toMillis()) {
                joined = i;
                break;
            }
        }
        Incident now;
        IncidentEventType type;
        if (joined == null) {
            IncidentAlarm first = alarm(e, null);
            now = new Incident("inc-" + e.alertId(), position(e), scope, IncidentState.OPEN, e.level(), t, t,
                    List.of(first), book.inFlood);
            book.incidents.add(now);
            type = IncidentEventType.OPENED;
        } else {
            String development = development(joined, e);
            List<IncidentAlarm> alarms = new ArrayList<>(joined.alarms());
            alarms.add(alarm(e, development));
            now = new Incident(joined.incidentId(), joined.enterpriseId(), scope, IncidentState.OPEN,
                    max(joined.worstLevel(), e.level()), joined.openedAt(), t, alarms, book.inFlood);
            replace(book, joined, now);
            type = development == null ? IncidentEventType.GROWN : IncidentEventType.DEVELOPED;
        }
        emit(book, now, type, e.alertId(), t, out);
        book.raises.add(t);
        book.raises.sort(null);
        book.raises.removeIf(r -> r <= t - s.flood().window().toMillis());
        if (!book.inFlood && book.raises.size() > s.flood().above()) {
            book.inFlood = true;
            Incident flooded = withFlood(now, true, t);
            replace(book, now, flooded);
            emit(book, flooded, IncidentEventType.FLOOD_STARTED, e.alertId(), t, out);
        }
    }

    private static void rose(IncidentBook book, Incident i, AlertEvent e, List<IncidentEvent> out) {
        boolean above = e.level() != null && e.level().compareTo(i.worstLevel()) > 0;
        Incident now = update(i, e.alertId(), a -> a.withLevel(e.level()), e.eventTime(), max(i.worstLevel(), e.level()));
        replace(book, i, now);
        if (above) {
            emit(book, now, IncidentEventType.DEVELOPED, e.alertId(), e.eventTime(), out);
        }
    }

    private static void acknowledged(IncidentBook book, Incident i, AlertEvent e, boolean ack, List<IncidentEvent> out) {
        Incident now = update(i, e.alertId(), a -> a.withAcknowledged(ack), e.eventTime(), i.worstLevel());
        replace(book, i, now);
        if (now.state() != i.state()) {
            emit(book, now, ack ? IncidentEventType.ACKNOWLEDGED : IncidentEventType.REOPENED, e.alertId(),
                    e.eventTime(), out);
        }
    }

    private static void closed(IncidentBook book, Incident i, AlertEvent e, List<IncidentEvent> out) {
        Incident now = update(i, e.alertId(), IncidentAlarm::withClosed, e.eventTime(), i.worstLevel());
        replace(book, i, now);
        if (now.state() == IncidentState.CLOSED) {
            emit(book, now, IncidentEventType.CLOSED, e.alertId(), e.eventTime(), out);
            book.incidents.remove(now);
            book.seqs.remove(now.incidentId());
        } else if (now.state() != i.state()) {
            emit(book, now, IncidentEventType.ACKNOWLEDGED, e.alertId(), e.eventTime(), out);
        }
    }

    /** Why a joining alarm changes what the incident is, or null. */
    static String development(Incident i, AlertEvent e) {
        if (e.level() != null && e.level().compareTo(i.worstLevel()) > 0) {
            return "level";
        }
        if (e.kind() != null && i.alarms().stream().noneMatch(a -> e.kind() == a.kind())) {
            return "kind";
        }
        // a link incident spreading to a second enterprise: no longer one enterprise's power or line, the park's
        if (loggerOffline(e) && e.enterpriseId() != null
                && i.alarms().stream().map(IncidentAlarm::enterpriseId).distinct().count() == 1
                && i.alarms().stream().noneMatch(a -> e.enterpriseId().equals(a.enterpriseId()))) {
            return "enterprise";
        }
        String place = e.zone() != null ? e.zone() : e.tank();
        if (place != null && i.alarms().stream().noneMatch(a -> place.equals(a.zone() != null ? a.zone() : a.tank()))) {
            return "place";
        }
        return null;
    }

    private static IncidentAlarm alarm(AlertEvent e, String development) {
        return new IncidentAlarm(e.alertId(), e.ruleId(), e.pointId(), e.kind(), e.tank(), e.zone(), e.level(),
                e.eventTime(), development, false, false, e.enterpriseId());
    }

    private static Incident update(Incident i, String alertId, java.util.function.UnaryOperator<IncidentAlarm> f,
            long at, Level worst) {
        List<IncidentAlarm> alarms = i.alarms().stream().map(a -> a.alertId().equals(alertId) ? f.apply(a) : a).toList();
        return new Incident(i.incidentId(), i.enterpriseId(), i.scope(), state(alarms), worst, i.openedAt(),
                Math.max(i.updatedAt(), at), alarms, i.inFlood());
    }

    private static IncidentState state(List<IncidentAlarm> alarms) {
        if (alarms.stream().allMatch(IncidentAlarm::closed)) {
            return IncidentState.CLOSED;
        }
        return alarms.stream().filter(a -> !a.closed()).allMatch(IncidentAlarm::acknowledged)
                ? IncidentState.ACKNOWLEDGED : IncidentState.OPEN;
    }

    private static Incident withFlood(Incident i, boolean flood, long at) {
        return new Incident(i.incidentId(), i.enterpriseId(), i.scope(), i.state(), i.worstLevel(), i.openedAt(),
                Math.max(i.updatedAt(), at), i.alarms(), flood);
    }

    private static Optional<Incident> member(IncidentBook book, String alertId) {
        return book.incidents.stream().filter(i -> i.alarms().stream().anyMatch(a -> a.alertId().equals(alertId)))
                .findFirst();
    }

    private static void replace(IncidentBook book, Incident before, Incident after) {
        int k = book.incidents.indexOf(before);
        if (k >= 0) {
            book.incidents.set(k, after);
        }
    }

    private static void emit(IncidentBook book, Incident i, IncidentEventType type, String alertId, long at,
            List<IncidentEvent> out) {
        int seq = book.seqs.merge(i.incidentId(), 1, Integer::sum);
        out.add(new IncidentEvent(i.incidentId() + "-" + seq, seq, type, alertId, at, i));
    }

    private static Level max(Level a, Level b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
