package io.parkwatch.console.context;

import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Point;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each alarm's context outside the job: when an alarm is raised, the readings of its point and its neighbours
 * from {@code before} on are taken from the console's recent readings, then followed every few seconds until
 * {@code after} past its recovery (or its closing), and written as a record of its own ({@link AlarmContext}). Bounded:
 * at most {@link #MAX_OPEN} alarms followed at once, {@link #MAX_NEIGHBOURS} neighbours, {@link #MAX_SAMPLES} readings
 * per point (then the record says it was truncated).
 */
public final class ContextRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContextRecorder.class);

    static final int MAX_OPEN = 2000;
    static final int MAX_NEIGHBOURS = 12;
    static final int MAX_SAMPLES = 7200;
    /**
     * How far behind the clock the readings are taken: a reading reaches the console some time after its stamp (the
     * gateway, Kafka, a follower that takes the readings in batches, a flood), and one stamped before a collection
     * but arriving after it would otherwise be missing from the context for good.
     */
    static final Duration SETTLE = Duration.ofSeconds(10);
    /** How far back the console's recent readings reach after a start. */
    static final Duration REACH = Duration.ofHours(1);

    /** Writes a finished record; completes when it is kept. */
    @FunctionalInterface
    public interface Sink {
        CompletableFuture<Void> write(AlarmContext c);
    }

    private final AtomicLong unfollowed = new AtomicLong();
    private final RecentReadings readings;
    private final Supplier<PointRegistry> registry;
    private final Duration before;
    private final Duration after;
    private final Sink sink;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alarm-context");
        t.setDaemon(true);
        return t;
    });

    /** An alarm being followed: its points, their readings so far, until when it is followed. */
    private static final class Open {
        final String alertId;
        final long from;
        final Map<String, String> relation = new LinkedHashMap<>();
        final Map<String, List<RecentReadings.Sample>> samples = new LinkedHashMap<>();
        final Map<String, Boolean> truncated = new LinkedHashMap<>();
        long collectedUntil;
        volatile long endsAt; // 0 while the alarm is active

        Open(String alertId, long from) {
            this.alertId = alertId;
            this.from = from;
            this.collectedUntil = from - 1;
        }
    }

    public ContextRecorder(RecentReadings readings, Supplier<PointRegistry> registry, Duration before, Duration after,
            Duration every, Sink sink, Clock clock) {
        this.readings = readings;
        this.registry = registry;
        this.before = before;
        this.after = after;
        this.sink = sink;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::collectSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes an alert event: a raise starts following, a recovery or a closing sets when to stop. */
    public void onEvent(AlertEvent e) {
        if (e.type() == AlertEventType.RAISED && e.eventTime() < clock.millis() - REACH.toMillis()) {
            return; // replayed from long ago (a console starting): the recent readings no longer reach it
        }
        if (e.type() == AlertEventType.RAISED && e.alertId() != null && !open.containsKey(e.alertId())) {
            if (open.size() >= MAX_OPEN) {
                // a flood would write a line per alarm: the first, then every thousandth
                long without = unfollowed.incrementAndGet();
                if (without == 1 || without % 1000 == 0) {
                    LOG.warn("alarm context: {} alarms followed already; {} alarm(s) got none so far (latest {})",
                            MAX_OPEN, without, e.alertId());
                }
                return;
            }
            Open o = new Open(e.alertId(), e.eventTime() - before.toMillis());
            points(e).forEach(o.relation::put);
            if (!o.relation.isEmpty()) {
                open.put(e.alertId(), o);
            }
        } else if (e.type() == AlertEventType.RECOVERED || e.type() == AlertEventType.CLOSED) {
            Open o = open.get(e.alertId());
            if (o != null && o.endsAt == 0) {
                o.endsAt = e.eventTime() + after.toMillis();
            }
        } else if (e.type() == AlertEventType.REPEATED) {
            Open o = open.get(e.alertId());
            if (o != null) {
                o.endsAt = 0; // active again: follow on
            }
        }
    }

    /** The alarm's point, then the points of its tank or unit and of its zone (a group alarm: the group's points). */
    private Map<String, String> points(AlertEvent e) {
        PointRegistry r = registry.get();
        Map<String, String> out = new LinkedHashMap<>();
        Point own = r.point(e.pointId()).orElse(null);
        if (own != null) {
            out.put(own.id(), "alarm");
        }
        String tank = own != null ? own.tank() : e.tank();
        String zone = own != null ? own.zone() : e.zone();
        for (Point p : r.points()) {
            if (out.size() > MAX_NEIGHBOURS) {
                break;
            }
            if (out.containsKey(p.id()) || !Objects.equals(p.enterpriseId(), e.enterpriseId())) {
                continue;
            }
            if (tank != null && tank.equals(p.tank())) {
                out.put(p.id(), "tank");
            } else if (zone != null && zone.equals(p.zone())) {
                out.put(p.id(), "zone");
            }
        }
        return out;
    }

    private void collectSafely() {
        try {
            collect(clock.millis());
        } catch (RuntimeException ex) {
            LOG.error("alarm context: collecting failed", ex);
        }
    }

    /** Takes the readings that came since the last time; writes and forgets the alarms followed long enough. */
    void collect(long now) {
        long settled = now - SETTLE.toMillis();
        for (Open o : List.copyOf(open.values())) {
            long to = o.endsAt == 0 ? settled : Math.min(settled, o.endsAt);
            if (to > o.collectedUntil) {
                for (String p : o.relation.keySet()) {
                    List<RecentReadings.Sample> got = o.samples.computeIfAbsent(p, k -> new ArrayList<>());
                    for (RecentReadings.Sample s : readings.between(p, o.collectedUntil + 1, to)) {
                        if (got.size() >= MAX_SAMPLES) {
                            o.truncated.put(p, true);
                            break;
                        }
                        got.add(s);
                    }
                }
                o.collectedUntil = to;
            }
            if (o.endsAt != 0 && settled >= o.endsAt) {
                open.remove(o.alertId);
                write(o);
            }
        }
    }

    private void write(Open o) {
        PointRegistry r = registry.get();
        List<AlarmContext.PointReadings> points = new ArrayList<>();
        o.relation.forEach((id, rel) -> {
            Point p = r.point(id).orElse(null);
            points.add(new AlarmContext.PointReadings(id, p == null ? id : p.displayName(), p == null ? null : p.unit(),
                    rel, o.truncated.getOrDefault(id, false), List.copyOf(o.samples.getOrDefault(id, List.of()))));
        });
        AlarmContext c = new AlarmContext(o.alertId, o.from, o.collectedUntil, true, points);
        sink.write(c).whenComplete((v, t) -> {
            if (t != null) {
                LOG.error("alarm context of {} could not be written: {}", o.alertId, t.toString());
            }
        });
    }

    /** How many alarms are followed now. */
    public int following() {
        return open.size();
    }

    /**
     * Stops following. Nothing is written for the alarms still open: a console that starts again follows them anew
     * from its recent readings (they reach an hour back) as it reads their raises again.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        open.clear();
    }
}
