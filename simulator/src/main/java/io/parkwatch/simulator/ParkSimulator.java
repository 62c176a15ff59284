package io.parkwatch.simulator;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated data loggers, one per enterprise, each publishing all its points every interval as one
 * batch (QoS 1) over a real Paho MQTT 5 connection. Deterministic for a given seed.
 *
 * <p>Timestamps are simulated time. At speed 1 that is the wall clock; faster runs start far enough
 * in the past that no timestamp is ever ahead of the wall clock (the gateway refuses future readings).
 */
public final class ParkSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkSimulator.class);

    private final SimulationPlan plan;
    private final Map<String, List<Baseline>> byEnterprise = new LinkedHashMap<>();
    private Uplink publisher;
    private volatile boolean stopped;
    private volatile long simulationStart;
    /** Batches held back by a Reorder disturbance, by the wall time they are due. */
    private final java.util.PriorityQueue<Held> held = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(Held::dueWall));
    private final java.util.Random delays;

    private record Held(long dueWall, String enterprise, List<Uplink.Value> payload) {
    }

    public ParkSimulator(PointRegistry registry, SimulationPlan plan) {
        this.plan = plan;
        this.delays = new java.util.Random(plan.seed() * 31 + 7);
        for (Point p : registry.points()) {
            byEnterprise.computeIfAbsent(p.enterpriseId(), e -> new ArrayList<>()).add(new Baseline(p, plan.seed()));
        }
    }

    /** Connects one MQTT client per enterprise that has a login. */
    public ParkSimulator connect() throws MqttException {
        publisher = new ReadingPublisher(plan.brokerUrl(), plan.logins(), byEnterprise.keySet());
        return this;
    }

    /** Sends through the given uplink instead (e.g. HJ 212 data loggers). */
    public ParkSimulator connect(Uplink uplink) {
        publisher = uplink;
        return this;
    }

    public java.util.Set<String> enterprises() {
        return byEnterprise.keySet();
    }

    /** Publishes until the plan's duration has been simulated or {@link #stop()} is called. */
    public void run() throws InterruptedException {
        long intervalMs = plan.interval().toMillis();
        long ticks = plan.duration() == null ? Long.MAX_VALUE : plan.duration().toMillis() / intervalMs + 1;
        long wallStart = System.currentTimeMillis();
        long simStart = plan.speed() > 1 && plan.duration() != null
                ? wallStart - plan.duration().toMillis() - intervalMs
                : wallStart;
        simulationStart = simStart;
        long lastReport = wallStart;
        for (long tick = 0; tick < ticks && !stopped; tick++) {
            long due = wallStart + (long) (tick * intervalMs / plan.speed());
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            long ts = simStart + tick * intervalMs;
            double second = tick * intervalMs / 1000.0;
            for (String enterprise : byEnterprise.keySet()) {
                if (!publisher.has(enterprise) || silent(enterprise, second)) {
                    continue;
                }
                List<Uplink.Value> payload = batch(byEnterprise.get(enterprise), ts + skew(enterprise), second);
                long delay = heldBack(enterprise, tick);
                if (delay > 0) {
                    held.add(new Held(System.currentTimeMillis() + (long) (delay / plan.speed()), enterprise, payload));
                } else {
                    publish(enterprise, payload);
                }
            }
            releaseHeld(false);
            long now = System.currentTimeMillis();
            if (now - lastReport >= 10_000) {
                lastReport = now;
                LOG.info("simulator: t=+{}s{} sent {} readings, {} acknowledged, {} failed", (long) second,
                        ticks == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100.0 * tick / ticks),
                        publisher.sent(), publisher.acknowledged(), publisher.failed());
            }
        }
        releaseHeld(true);
        publisher.awaitAnswered(30_000); // every batch answered before the run counts as done
        LOG.info("simulator: done, sent {} readings, {} acknowledged, {} refused, {} failed", publisher.sent(),
                publisher.acknowledged(), publisher.refused(), publisher.failed());
    }

    private boolean silent(String enterprise, double second) {
        for (Disturbance d : plan.disturbances()) {
            if (d instanceof Disturbance.Dropout x && x.enterpriseId().equals(enterprise) && second >= x.from()
                    && second < x.to()) {
                return true;
            }
        }
        return false;
    }

    private long skew(String enterprise) {
        long off = 0;
        for (Disturbance d : plan.disturbances()) {
            if (d instanceof Disturbance.ClockSkew x && x.enterpriseId().equals(enterprise)) {
                off += x.offsetMs();
            }
        }
        return off;
    }

    /** How long (simulated ms) this batch is held back, 0 to send it now. */
    private long heldBack(String enterprise, long tick) {
        for (Disturbance d : plan.disturbances()) {
            if (d instanceof Disturbance.Reorder x && x.enterpriseId().equals(enterprise)) {
                if (x.lateEvery() > 0 && tick > 0 && tick % x.lateEvery() == 0) {
                    return (long) (x.lateSeconds() * 1000);
                }
                return (long) (delays.nextDouble() * x.maxDelaySeconds() * 1000);
            }
        }
        return 0;
    }

    private void releaseHeld(boolean all) throws InterruptedException {
        long now = System.currentTimeMillis();
        while (!held.isEmpty() && (all || held.peek().dueWall() <= now)) {
            Held h = held.poll();
            publish(h.enterprise(), h.payload());
        }
    }

    /** The value a point has at {@code second} of the simulation: an incident's profile if one is on, else normal. */
    double valueAt(Baseline b, long ts, double second) {
        for (Disturbance d : plan.disturbances()) {
            if (d instanceof Disturbance.Stuck x && x.pointId().equals(b.point().id()) && second >= x.from()
                    && second < x.to()) {
                return x.value();
            }
        }
        for (Incident i : plan.incidents()) {
            Profile p = i.profiles().get(b.point().id());
            if (p != null && second >= i.startSecond() && second <= i.endSecond()) {
                return Math.max(b.point().rangeLow(), b.noisy(p.at(second - i.startSecond())));
            }
        }
        return Math.max(b.point().rangeLow(), b.value(ts));
    }

    private List<Uplink.Value> batch(List<Baseline> points, long ts, double second) {
        List<Uplink.Value> out = new ArrayList<>(points.size());
        for (Baseline b : points) {
            out.add(new Uplink.Value(b.point().id(), ts, valueAt(b, ts, second)));
        }
        return out;
    }

    private void publish(String enterprise, List<Uplink.Value> payload) throws InterruptedException {
        publisher.publish(enterprise, payload);
    }

    /** Timestamp of the first tick (simulated second 0), once {@link #run()} has begun. */
    public long simulationStart() {
        return simulationStart;
    }

    public long sent() {
        return publisher.sent();
    }

    public long acknowledged() {
        return publisher.acknowledged() + publisher.refused();
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stop();
        if (publisher != null) {
            publisher.close();
        }
    }
}
