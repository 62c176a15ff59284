package io.parkwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.ingest.mqtt.GatewayFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 1 ingest of the gateway (PUBACK only after Kafka acks=all) against Mosquitto's, with the same Paho publishers
 * and the same 100-byte payloads, counted the same way on both sides: a message counts when its PUBACK reaches the
 * publisher. Mosquitto's subscriber-side figure (until a QoS 1 subscriber has every message) is reported beside it;
 * the gateway's is its PUBACK figure, since it acknowledges a reading only once Kafka has stored it.
 *
 * <p>Each side first gets a warm-up run, reported and not counted (the JVM's JIT against a native broker), then
 * {@value #RUNS} measured runs with one publisher and {@value #RUNS} with four. The gateway's first run on a fresh
 * JVM is a long one, timed second by second: how long a freshly started gateway takes to reach full speed, which is
 * what devices meet when they reconnect after a restart. Asserts nothing about speed. Run: bench/gateway-vs-mosquitto.sh
 */
@Tag("benchmark")
class IngestVsMosquittoBenchmark {

    static final int MESSAGES = 100_000;
    static final int COLD_MESSAGES = 1_000_000;
    static final int IN_FLIGHT = 1000;
    static final int RUNS = 5;
    /**
     * The clients' reads: buffered by default ({@link BufferedReadSockets}), {@code -Dbench.paho.reads=plain} for
     * Paho's own unbuffered socket, the way this benchmark ran until 2026-12-01.
     */
    static final boolean BUFFERED = !"plain".equals(System.getProperty("bench.paho.reads"));

    @TempDir
    Path dir;

    /** One run: messages per second at the publishers' PUBACKs and at the subscriber; PUBACKs in each second. */
    record Run(double pubacks, double subscriber, List<Long> perSecond) {
    }

    /** Where the publishers send, and how they log in. */
    record Target(String url, String user, String password, String topic, String subscribeAt) {
    }

    @Test
    void gatewayAgainstMosquitto() throws Exception {
        List<Run> gateway1;
        List<Run> gateway4;
        Run cold;
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withLimits(100, 100_000_000))) {
            Target t = new Target(fx.uri(), "dev-a", "secret-a", "parkwatch/ent-a/A1", null);
            cold = publish(t, 1, COLD_MESSAGES);
            System.out.printf(Locale.ROOT, "gateway   cold run (fresh JVM, %,d messages): %,.0f/s; PUBACKs per second: %s%n",
                    COLD_MESSAGES, cold.pubacks(), cold.perSecond());
            gateway1 = measured("gateway  ", t, 1);
            gateway4 = measured("gateway  ", t, 4);
        }
        List<Run> mosquitto1 = List.of();
        List<Run> mosquitto4 = List.of();
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (Files.isExecutable(bin)) {
            int port = EmbeddedKafka.freePort();
            // unlimited queue for the subscriber (the default of 1000 drops QoS 1 messages under a fast publisher)
            Path conf = Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                    + "allow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 1000\npersistence false\n");
            Process broker = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            try {
                String url = "tcp://127.0.0.1:" + port;
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                    new java.net.Socket("127.0.0.1", port).close();
                    return true;
                });
                Target t = new Target(url, null, null, "bench/readings", url);
                mosquitto1 = measured("mosquitto", t, 1);
                mosquitto4 = measured("mosquitto", t, 4);
            } finally {
                broker.destroy();
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %d MB max heap, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1_048_576,
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "QoS 1, %d x 100-byte payloads per run, %d in flight per publisher, %d measured runs"
                + " after one warm-up run each, Paho clients reading %s (min / median / max, messages/s):%n", MESSAGES,
                IN_FLIGHT, RUNS, BUFFERED ? "through a buffer" : "unbuffered (a system call per header byte)");
        report("one publisher", gateway1, mosquitto1);
        report("four publishers", gateway4, mosquitto4);
        double full = median(gateway1.stream().map(Run::pubacks).toList());
        int second = 0;
        while (second < cold.perSecond().size() && cold.perSecond().get(second) < 0.9 * full) {
            second++;
        }
        System.out.printf(Locale.ROOT, "  cold start: a fresh gateway (and JVM) reached 90%% of its warm median (%,.0f/s)"
                + " in second %s of its first run%n", full,
                second < cold.perSecond().size() ? String.valueOf(second + 1) : "never (" + cold.perSecond().size() + " s)");
    }

    private static List<Run> measured(String side, Target t, int publishers) throws Exception {
        Run warm = publish(t, publishers, MESSAGES);
        System.out.printf(Locale.ROOT, "%s %d publisher(s) warm-up run (not counted): PUBACK %,.0f/s%s%n", side, publishers,
                warm.pubacks(), t.subscribeAt() == null ? "" : String.format(Locale.ROOT, ", subscriber %,.0f/s",
                        warm.subscriber()));
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            Run r = publish(t, publishers, MESSAGES);
            runs.add(r);
            System.out.printf(Locale.ROOT, "%s %d publisher(s) run %d: PUBACK %,.0f/s%s%n", side, publishers, i,
                    r.pubacks(), t.subscribeAt() == null ? "" : String.format(Locale.ROOT, ", subscriber %,.0f/s",
                            r.subscriber()));
        }
        return runs;
    }

    private static void report(String what, List<Run> gateway, List<Run> mosquitto) {
        List<Double> g = gateway.stream().map(Run::pubacks).toList();
        System.out.printf(Locale.ROOT, "  %s: ParkWatch gateway, at the PUBACK (= stored in Kafka): %s%n", what, mmm(g));
        if (mosquitto.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %s: Mosquitto not installed (apt-get install mosquitto)%n", what);
            return;
        }
        List<Double> mp = mosquitto.stream().map(Run::pubacks).toList();
        List<Double> ms = mosquitto.stream().map(Run::subscriber).toList();
        System.out.printf(Locale.ROOT, "  %s: Mosquitto, at the PUBACK:                          %s%n", what, mmm(mp));
        System.out.printf(Locale.ROOT, "  %s: Mosquitto, at the subscriber:                      %s%n", what, mmm(ms));
        System.out.printf(Locale.ROOT, "  %s: ratio of medians ParkWatch / Mosquitto, both at the PUBACK: %.2f"
                + " (against Mosquitto's subscriber: %.2f)%n", what, median(g) / median(mp), median(g) / median(ms));
    }

    private static String mmm(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f", s.get(0), median(s), s.get(s.size() - 1));
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    /**
     * Publishes {@code messages} at QoS 1 from {@code publishers} concurrent clients; the PUBACK rate is until the
     * last PUBACK, the subscriber rate (with a subscriber URL) until the subscriber has every message.
     */
    static Run publish(Target t, int publishers, int messages) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttAsyncClient sub = null;
        if (t.subscribeAt() != null) {
            sub = new MqttAsyncClient(t.subscribeAt(), "bench-sub-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions so = options();
            sub.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    received.incrementAndGet();
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            sub.connect(so).waitForCompletion(10_000);
            sub.subscribe(t.topic(), 1).waitForCompletion(10_000);
        }
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            MqttAsyncClient c = new MqttAsyncClient(t.url(), "bench-pub-" + p + "-" + System.nanoTime(),
                    new MemoryPersistence());
            MqttConnectOptions o = options();
            if (t.user() != null) {
                o.setUserName(t.user());
                o.setPassword(t.password().toCharArray());
            }
            c.connect(o).waitForCompletion(10_000);
            clients.add(c);
        }
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> perSecond = new ArrayList<>();
        AtomicLong lastCount = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            long now = acked.get();
            synchronized (perSecond) {
                perSecond.add(now - lastCount.getAndSet(now));
            }
        }, 1, 1, TimeUnit.SECONDS);
        List<Thread> threads = new ArrayList<>();
        int share = messages / publishers; // the runs' counts divide by four
        for (int p = 0; p < publishers; p++) {
            MqttAsyncClient c = clients.get(p);
            int first = p * share;
            Thread th = new Thread(() -> send(c, t.topic(), first, share, acked, failed), "publisher-" + p);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(1))
                .until(() -> acked.get() + failed.get() >= messages);
        double pubackSeconds = (System.nanoTime() - start) / 1e9;
        long subscriberDoneAt = 0;
        if (sub != null) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(1)).until(() -> received.get() >= messages);
            subscriberDoneAt = System.nanoTime();
        }
        clock.shutdownNow();
        for (MqttAsyncClient c : clients) {
            c.disconnect().waitForCompletion(10_000);
            c.close();
        }
        if (sub != null) {
            sub.disconnect().waitForCompletion(10_000);
            sub.close();
        }
        assertThat(failed.get()).as("publishes failed").isZero();
        assertThat(acked.get()).isEqualTo(messages);
        double subscriber = sub == null ? messages / pubackSeconds : messages / ((subscriberDoneAt - start) / 1e9);
        synchronized (perSecond) {
            return new Run(messages / pubackSeconds, subscriber, List.copyOf(perSecond));
        }
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(IN_FLIGHT);
        if (BUFFERED) {
            o.setSocketFactory(new BufferedReadSockets());
        }
        return o;
    }

    private static void send(MqttAsyncClient c, String topic, int first, int count, AtomicLong acked,
            AtomicLong failed) {
        Semaphore window = new Semaphore(IN_FLIGHT);
        IMqttActionListener done = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken tok) {
                acked.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken tok, Throwable e) {
                failed.incrementAndGet();
                window.release();
            }
        };
        long base = System.currentTimeMillis() - 3_600_000;
        try {
            for (int i = first; i < first + count; i++) {
                window.acquire();
                // ~100 bytes, like a real reading
                String payload = "{\"ts\":" + (base + i) + ",\"v\":" + (20 + (i % 1000) / 100.0)
                        + ",\"q\":\"N\",\"seq\":" + i + ",\"pad\":\"xxxxxxxxxxxxxxxxxxxx\"}";
                c.publish(topic, payload.getBytes(), 1, false, null, done);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publisher " + c.getClientId() + " failed", e);
        }
    }
}
