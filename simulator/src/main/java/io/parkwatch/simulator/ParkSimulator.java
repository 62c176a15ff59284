package io.parkwatch.simulator;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
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
    private final Map<String, MqttAsyncClient> clients = new LinkedHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopped;
    private volatile long simulationStart;

    public ParkSimulator(PointRegistry registry, SimulationPlan plan) {
        this.plan = plan;
        for (Point p : registry.points()) {
            byEnterprise.computeIfAbsent(p.enterpriseId(), e -> new ArrayList<>()).add(new Baseline(p, plan.seed()));
        }
    }

    /** Connects one client per enterprise that has a login. */
    public ParkSimulator connect() throws MqttException {
        for (DeviceLogin login : plan.logins()) {
            if (!byEnterprise.containsKey(login.enterpriseId())) {
                continue;
            }
            MqttAsyncClient c = new MqttAsyncClient(plan.brokerUrl(), "sim-" + login.enterpriseId() + "-"
                    + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName(login.username());
            o.setPassword(login.password().getBytes(StandardCharsets.UTF_8));
            o.setAutomaticReconnect(true);
            o.setKeepAliveInterval(30);
            c.connect(o).waitForCompletion(15_000);
            clients.put(login.enterpriseId(), c);
        }
        LOG.info("simulator: {} data logger(s) connected to {}: {}", clients.size(), plan.brokerUrl(), clients.keySet());
        return this;
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
            for (Map.Entry<String, MqttAsyncClient> c : clients.entrySet()) {
                publish(c.getKey(), c.getValue(), batch(byEnterprise.get(c.getKey()), ts, second));
            }
            long now = System.currentTimeMillis();
            if (now - lastReport >= 10_000) {
                lastReport = now;
                LOG.info("simulator: t=+{}s{} sent {} readings, {} acknowledged, {} failed", (long) second,
                        ticks == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100.0 * tick / ticks),
                        sent.get(), acked.get(), failed.get());
            }
        }
        LOG.info("simulator: done, sent {} readings, {} acknowledged, {} failed", sent.get(), acked.get(), failed.get());
    }

    /** The value a point has at {@code second} of the simulation: an incident's profile if one is on, else normal. */
    double valueAt(Baseline b, long ts, double second) {
        for (Incident i : plan.incidents()) {
            Profile p = i.profiles().get(b.point().id());
            if (p != null && second >= i.startSecond() && second <= i.endSecond()) {
                return Math.max(b.point().rangeLow(), b.noisy(p.at(second - i.startSecond())));
            }
        }
        return Math.max(b.point().rangeLow(), b.value(ts));
    }

    private byte[] batch(List<Baseline> points, long ts, double second) {
        StringBuilder sb = new StringBuilder(points.size() * 64).append('[');
        for (Baseline b : points) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"point\":\"").append(b.point().id()).append("\",\"ts\":").append(ts).append(",\"v\":")
                    .append(String.format(Locale.ROOT, "%.3f", valueAt(b, ts, second))).append('}');
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void publish(String enterprise, MqttAsyncClient c, byte[] payload) {
        int n = byEnterprise.get(enterprise).size();
        try {
            c.publish("parkwatch/" + enterprise + "/batch", payload, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    acked.addAndGet(n);
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    failed.addAndGet(n);
                }
            });
            sent.addAndGet(n);
        } catch (MqttException e) {
            failed.addAndGet(n);
            LOG.debug("simulator: publish for {} failed: {}", enterprise, e.getMessage());
        }
    }

    /** Timestamp of the first tick (simulated second 0), once {@link #run()} has begun. */
    public long simulationStart() {
        return simulationStart;
    }

    public long sent() {
        return sent.get();
    }

    public long acknowledged() {
        return acked.get();
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stop();
        for (MqttAsyncClient c : clients.values()) {
            try {
                if (c.isConnected()) {
                    c.disconnect().waitForCompletion(5000);
                }
                c.close();
            } catch (MqttException e) {
                LOG.debug("simulator: close: {}", e.getMessage());
            }
        }
    }
}
