package io.parkwatch.simulator.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes the load park's points at a fixed total rate over several Paho connections, in batches.
 * Every point sits at 10 %LEL with noise, except that each second one point (in turn) is stamped at
 * 60 %LEL: a threshold crossing at a known moment, whose alert measures the end-to-end latency.
 *
 * <p>In a flood ({@link Settings#withFlood}) there are no such crossings: the points cross one after another,
 * evenly spread over the flood's length, and stay at 60 %LEL, as a gas cloud drifting over a park would take
 * detector after detector: one alarm per point, all of them open at the end.
 */
public final class LoadGenerator implements AutoCloseable {

    /**
     * What to generate.
     *
     * @param url      tcp://host:port of the gateway's MQTT port (several, comma-separated: the connections take them in
     *                 turn, as devices spread over a park's gateways), or host:port of its HJ 212 port with {@code hj212}
     * @param hj212    send as HJ 212 data loggers (one per connection) instead of MQTT
     */
    public record Settings(String url, int points, int rate, int connections, int qos, int batch, boolean hj212,
            Duration flood) {

        public Settings(String url, int points, int rate, int connections, int qos, int batch, boolean hj212) {
            this(url, points, rate, connections, qos, batch, hj212, Duration.ZERO);
        }

        /** Every point crosses once within {@code over} and stays over its limit (no periodic crossings). */
        public Settings withFlood(Duration over) {
            return new Settings(url, points, rate, connections, qos, batch, hj212, over);
        }

        boolean flooding() {
            return !flood.isZero();
        }
    }

    private final Settings s;
    private final List<Thread> threads = new ArrayList<>();
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong longestAckWait = new AtomicLong();
    private volatile boolean stopped;
    /** When the publishers started (nanoTime): the flood's clock. */
    private long startedAt;
    private volatile java.util.function.Consumer<List<String>> onAcknowledged;

    public LoadGenerator(Settings s) {
        this.s = s;
    }

    private io.parkwatch.simulator.Hj212Uplink hj212;

    /** Told the readings ({@code point@ts}) of each MQTT message the gateway acknowledged (set before start). */
    public LoadGenerator onAcknowledged(java.util.function.Consumer<List<String>> listener) {
        this.onAcknowledged = listener;
        return this;
    }

    public LoadGenerator start() throws MqttException, java.io.IOException {
        if (s.hj212()) {
            List<io.parkwatch.simulator.Hj212Uplink.Logger212> loggers = new ArrayList<>();
            for (int c = 1; c <= s.connections(); c++) {
                java.util.Map<String, String> codes = new java.util.HashMap<>();
                for (int i = c; i <= s.points(); i += s.connections()) {
                    codes.put(LoadPark.pointId(i), LoadPark.code(i));
                }
                loggers.add(new io.parkwatch.simulator.Hj212Uplink.Logger212("conn-" + c, LoadPark.mn(c),
                        LoadPark.PASSWORD, codes));
            }
            String host = s.url().substring(0, s.url().lastIndexOf(':'));
            hj212 = new io.parkwatch.simulator.Hj212Uplink(host, Integer.parseInt(s.url().substring(s.url().lastIndexOf(':') + 1)),
                    loggers, java.time.ZoneId.of("Asia/Shanghai"));
            for (int c = 1; c <= s.connections(); c++) {
                addPublisher(null, c);
            }
            startedAt = System.nanoTime();
            threads.forEach(Thread::start);
            return this;
        }
        for (int c = 1; c <= s.connections(); c++) {
            String[] gateways = s.url().split(",");
            MqttAsyncClient client = new MqttAsyncClient(gateways[(c - 1) % gateways.length].trim(),
                    "load-" + c + "-" + System.nanoTime(),
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(LoadPark.device(c));
            o.setPassword(LoadPark.PASSWORD.toCharArray());
            o.setMaxInflight(1000);
            client.connect(o).waitForCompletion(15_000);
            clients.add(client);
            addPublisher(client, c);
        }
        startedAt = System.nanoTime();
        threads.forEach(Thread::start);
        return this;
    }

    /** The publishing thread of connection {@code c} (1-based); started once all connections are up. */
    private void addPublisher(MqttAsyncClient client, int c) {
        Thread t = new Thread(() -> publish(client, c - 1), "load-" + c);
        t.setDaemon(true);
        threads.add(t);
    }

    /** This connection's share of the points, round robin, at its share of the rate. */
    private void publish(MqttAsyncClient client, int conn) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 1 + conn; i <= s.points(); i += s.connections()) {
            mine.add(i);
        }
        double perSecond = (double) s.rate() / s.connections();
        Semaphore window = new Semaphore(900);
        java.util.Random random = new java.util.Random(conn);
        long start = System.nanoTime();
        long batches = 0;
        int next = 0;
        long lastSecond = -1;
        long lastStamp = 0;
        try {
            while (!stopped && !mine.isEmpty()) {
                long due = start + (long) (batches * s.batch() / perSecond * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                // strictly increasing per connection: a connection catching up after a stall sends its batches in a
                // burst, and a device never reports the same point twice for the same millisecond
                long now = Math.max(System.currentTimeMillis(), lastStamp + 1);
                lastStamp = now;
                // the point that crosses this second (each connection takes its turn with its own points): the first
                // point of the second's first batch (HJ 212 stamps whole seconds: the crossing is then stamped when it
                // is sent), so it is in that batch whatever the number of points per batch
                long second = now / 1000;
                boolean crossNow = !s.flooding() && second % s.connections() == conn && second != lastSecond;
                double flooded = floodedPoints();
                int crossing = mine.get(next);
                lastSecond = second;
                if (hj212 != null) {
                    List<io.parkwatch.simulator.Uplink.Value> values = new ArrayList<>(s.batch());
                    for (int k = 0; k < s.batch(); k++) {
                        int point = mine.get(next);
                        next = (next + 1) % mine.size();
                        double v = (crossNow && point == crossing) || point <= flooded ? 60 : 10 + random.nextGaussian();
                        values.add(new io.parkwatch.simulator.Uplink.Value(LoadPark.pointId(point), now, v));
                    }
                    hj212.publish("conn-" + (conn + 1), values);
                    batches++;
                    continue;
                }
                StringBuilder sb = new StringBuilder(s.batch() * 48).append('[');
                java.util.function.Consumer<List<String>> listener = onAcknowledged;
                List<String> keys = listener == null ? null : new ArrayList<>(s.batch());
                for (int k = 0; k < s.batch(); k++) {
                    int point = mine.get(next);
                    next = (next + 1) % mine.size();
                    if (keys != null) {
                        keys.add(LoadPark.pointId(point) + "@" + now);
                    }
                    double v = (crossNow && point == crossing) || point <= flooded ? 60 : 10 + random.nextGaussian();
                    sb.append(k == 0 ? "" : ",").append("{\"point\":\"").append(LoadPark.pointId(point))
                            .append("\",\"ts\":").append(now).append(",\"v\":");
                    appendTwoDecimals(sb, v).append('}');
                }
                byte[] payload = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
                if (s.qos() == 1) {
                    window.acquire();
                }
                long publishedAt = System.nanoTime();
                client.publish("parkwatch/" + LoadPark.ENTERPRISE + "/batch", payload, s.qos(), false, null,
                        new IMqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken t) {
                                longestAckWait.accumulateAndGet(System.nanoTime() - publishedAt, Math::max);
                                acked.addAndGet(s.batch());
                                if (keys != null) {
                                    listener.accept(keys);
                                }
                                window.release();
                            }

                            @Override
                            public void onFailure(IMqttToken t, Throwable e) {
                                failed.addAndGet(s.batch());
                                window.release();
                            }
                        });
                sent.addAndGet(s.batch());
                batches++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            failed.incrementAndGet();
        }
    }

    /**
     * {@code v} with two decimals, as {@code String.format("%.2f")} wrote it (but for a value ending in a half at the third
     * decimal, which may round down here): the Formatter and its locale's symbols per reading took a third of the load
     * generator's CPU, taken from the system it measures.
     */
    static StringBuilder appendTwoDecimals(StringBuilder sb, double v) {
        long hundredths = Math.round(Math.abs(v) * 100);
        if (v < 0 && hundredths > 0) {
            sb.append('-');
        }
        long fraction = hundredths % 100;
        return sb.append(hundredths / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    }

    /** How many points (from LOAD-1 on) the flood has taken so far: all of them once it has run its length. */
    private double floodedPoints() {
        if (!s.flooding()) {
            return 0;
        }
        return s.points() * (double) (System.nanoTime() - startedAt) / s.flood().toNanos();
    }

    public long sent() {
        return hj212 != null ? hj212.sent() : sent.get();
    }

    public long acknowledged() {
        return hj212 != null ? hj212.acknowledged() : s.qos() == 0 ? sent.get() : acked.get();
    }

    public long failed() {
        return hj212 != null ? hj212.failed() + hj212.refused() : failed.get();
    }

    /** The longest a device waited for an acknowledgement since the last call (ms): what a broker loss costs it. */
    public long takeLongestAckWaitMillis() {
        return longestAckWait.getAndSet(0) / 1_000_000;
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void close() throws Exception {
        stop();
        for (Thread t : threads) {
            t.join(5000);
        }
        if (hj212 != null) {
            hj212.close();
        }
        for (MqttAsyncClient c : clients) {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(5000);
            }
            c.close();
        }
    }
}
