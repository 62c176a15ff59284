package io.parkwatch.console.notify;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.text.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * While an enterprise is in flood, people are told once per incident and then at most once per {@code every},
 * instead of once per alarm: one channel's events of that enterprise are folded into a digest per incident (and per
 * person called, so an SMS still reaches the one it was for), sent as one message that names the first-out, the
 * number of alarms and the worst level. Never folded: the first notification of a level-2 gas alarm (a raise or a
 * rise to level 2 of a combustible or toxic gas detector). Outside a flood nothing is folded.
 * <p>
 * A digest waits in memory for at most {@code every}; the events folded into it are recorded as delivered in it, so
 * a notifier stopped in between loses that one summary (the alarms themselves were announced before the flood or
 * are on the console), never an alarm's first announcement outside a flood.
 */
public final class FloodFolding {

    /** What the notifier needs to know of incidents: positions in flood, and the incident an alarm belongs to. */
    public interface Incidents {
        Set<String> inFlood();

        Optional<Incident> of(String alertId);
    }

    private static final class Digest {
        final String key;
        final List<AlertEvent> folded = new ArrayList<>();
        long dueAt;
        int sent;

        Digest(String key, long dueAt) {
            this.key = key;
            this.dueAt = dueAt;
        }
    }

    private final Incidents incidents;
    private final Duration every;
    private final Supplier<Long> clock;
    private final Map<String, Digest> pending = new LinkedHashMap<>();
    /** when each digest key last sent, so an update comes at most once per {@code every} */
    private final Map<String, Long> lastSent = new LinkedHashMap<>();

    public FloodFolding(Incidents incidents, Duration every, Supplier<Long> clock) {
        this.incidents = incidents;
        this.every = every;
        this.clock = clock;
    }

    /** Whether this event is folded into a digest (and then not delivered on its own). */
    public synchronized boolean fold(AlertEvent e) {
        if (e.type() == AlertEventType.RISK_WARNING) {
            return false; // not an alarm of the flood: a change of the enterprise's colour, told on its own
        }
        Optional<Incident> of = incidents.of(e.alertId());
        // in flood: the alarm's enterprise, or the position of the incident it belongs to (the park's links)
        boolean flood = e.enterpriseId() != null && incidents.inFlood().contains(e.enterpriseId())
                || of.map(i -> incidents.inFlood().contains(i.enterpriseId())).orElse(false);
        if (!flood || firstLevel2Gas(e)) {
            return false;
        }
        String incident = of.map(Incident::incidentId).orElse("enterprise:" + e.enterpriseId());
        String person = e.recipients().isEmpty() ? "group" : e.recipients().get(0).personId();
        String key = incident + "|" + person;
        long now = clock.get();
        Digest d = pending.computeIfAbsent(key, k -> new Digest(k, Math.max(now,
                lastSent.getOrDefault(k, Long.MIN_VALUE / 2) + every.toMillis())));
        d.folded.add(e);
        return true;
    }

    /** The digests due now, as events each channel formats as usual; they leave the pending set. */
    public synchronized List<AlertEvent> due() {
        long now = clock.get();
        List<AlertEvent> out = new ArrayList<>();
        var it = pending.values().iterator();
        while (it.hasNext()) {
            Digest d = it.next();
            if (d.dueAt <= now) {
                it.remove();
                lastSent.put(d.key, now);
                out.add(digest(d, now));
            }
        }
        while (lastSent.size() > 10_000) {
            lastSent.remove(lastSent.keySet().iterator().next());
        }
        return out;
    }

    /** The latest folded event, its sentence replaced by what the incident is now and how many alarms came. */
    private AlertEvent digest(Digest d, long now) {
        AlertEvent latest = d.folded.get(d.folded.size() - 1);
        Optional<Incident> i = incidents.of(latest.alertId());
        Level worst = d.folded.stream().map(AlertEvent::level).filter(l -> l != null).max(Level::compareTo)
                .orElse(latest.level());
        Message text = i.map(inc -> Message.of("notify.digest", inc.firstOut().subject(), inc.alarmCount(),
                Message.term("level." + inc.worstLevel().name().toLowerCase()), d.folded.size()))
                .orElseGet(() -> Message.of("notify.digest-enterprise", latest.enterpriseId(), d.folded.size()));
        return latest.withEventId("digest-" + d.key + "-" + now).withText(text).withMessage(null)
                .withLevel(i.map(Incident::worstLevel).orElse(worst)).withType(latest.type())
                .withAlertId(i.map(inc -> inc.firstOut().alertId()).orElse(latest.alertId()));
    }

    /** A level-2 gas alarm's first notification: it goes out at once, flood or not. */
    static boolean firstLevel2Gas(AlertEvent e) {
        boolean gas = e.kind() == PointKind.GAS_LEL || e.kind() == PointKind.GAS_TOXIC;
        return gas && e.level() == Level.CRITICAL
                && (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.LEVEL_CHANGED);
    }

    /** For tests and the health page: digests waiting. */
    public synchronized int waiting() {
        return pending.size();
    }
}
