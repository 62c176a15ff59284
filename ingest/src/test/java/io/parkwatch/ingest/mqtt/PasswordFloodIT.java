package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.parkwatch.ingest.GatewayConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of CONNECTs with wrong passwords from several addresses must not keep a device with the right
 * password out, not even one behind the same address as the flood; and any password length gets an answer.
 */
class PasswordFloodIT {

    @TempDir
    Path dir;

    /** CONNECT with a wrong password from one local address, over and over, until told to stop. */
    static int flood(int port, String from, AtomicBoolean stop, AtomicInteger answered) {
        int n = 0;
        while (!stop.get()) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(from, 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(5000);
                String user = n % 2 == 0 ? "dev-a" : "guess-" + UUID.randomUUID(); // a real name and invented ones
                OutputStream out = s.getOutputStream();
                out.write(GatewayFixture.bytes(MqttMessageBuilders.connect().clientId("flood-" + n)
                        .protocolVersion(MqttVersion.MQTT_3_1_1).username(user).password(("wrong-" + n)
                                .getBytes(StandardCharsets.UTF_8)).keepAlive(30).build()));
                out.flush();
                InputStream in = s.getInputStream();
                if (in.read() == 0x20) { // CONNACK
                    answered.incrementAndGet();
                }
            } catch (Exception e) {
                // refused or closed: go on flooding
            }
            n++;
        }
        return n;
    }

    /** Paho connects from a chosen local address (a device behind the same NAT as the flood). */
    static SocketFactory from(String local) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws java.io.IOException {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(local, 0));
                return s;
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static final List<Long> CONNACK_MS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Connects, publishes one QoS 1 reading, returns milliseconds from starting to connect to the PUBACK. */
    static long connectAndPublish(GatewayFixture fx, String local, String user, String password, String topic)
            throws Exception {
        long start = System.nanoTime();
        MqttAsyncClient c = new MqttAsyncClient(fx.uri(), "dev-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setSocketFactory(from(local));
        o.setConnectionTimeout(10);
        c.connect(o).waitForCompletion(10_000);
        CONNACK_MS.add((System.nanoTime() - start) / 1_000_000);
        IMqttToken t = c.publish(topic, ("{\"ts\":" + System.currentTimeMillis() + ",\"v\":3}").getBytes(), 1, false);
        t.waitForCompletion(10_000);
        assertThat(t.getReasonCodes()).containsExactly(0);
        long ms = (System.nanoTime() - start) / 1_000_000;
        c.disconnect().waitForCompletion(5000);
        c.close();
        return ms;
    }

    @Test
    void aDeviceWithTheRightPasswordGetsInWithinTwoSecondsDuringAFloodOfWrongOnes() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withMetricsPort(0))) {
            // a gateway in service is warm: the first connection's class loading and Kafka metadata are not the flood's
            // (dev-a only: dev-b and dev-a1 must pay their first bcrypt check during the flood)
            connectAndPublish(fx, "127.0.0.7", "dev-a", "secret-a", "parkwatch/ent-a/A2");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            List<String> attackers = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6");
            ExecutorService pool = Executors.newFixedThreadPool(attackers.size() * 2);
            List<java.util.concurrent.Future<Integer>> floods = new ArrayList<>();
            for (String a : attackers) {
                for (int i = 0; i < 2; i++) {
                    floods.add(pool.submit(() -> flood(fx.gateway.mqttPort(), a, stop, answered)));
                }
            }
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() >= 100);
                List<Long> times = new ArrayList<>();
                // first connections, bcrypt checked during the flood: a device at an address of its own, and one
                // behind the same address as an attacker
                times.add(connectAndPublish(fx, "127.0.0.1", "dev-b", "secret-b", "parkwatch/ent-b/B1"));
                times.add(connectAndPublish(fx, "127.0.0.2", "dev-a1", "secret-a1", "parkwatch/ent-a/A1"));
                for (int round = 0; round < 2; round++) { // reconnections
                    times.add(connectAndPublish(fx, "127.0.0.1", "dev-b", "secret-b", "parkwatch/ent-b/B1"));
                    times.add(connectAndPublish(fx, "127.0.0.2", "dev-a1", "secret-a1", "parkwatch/ent-a/A1"));
                }
                System.out.println("during the flood: CONNECT to CONNACK (ms) " + CONNACK_MS.subList(1, CONNACK_MS.size())
                        + ", CONNECT to first PUBACK (ms) " + times + "; flood answers so far: " + answered.get());
                assertThat(times).allSatisfy(ms -> assertThat(ms).isLessThan(2000));
                // the device attacked by name, reconnecting from the attacker's own address (the pair is throttled)
                long again = connectAndPublish(fx, "127.0.0.2", "dev-a", "secret-a", "parkwatch/ent-a/A2");
                System.out.println("dev-a from the attacker's address: " + again + " ms (verified a moment ago)");
                assertThat(again).isLessThan(2000);
            } finally {
                stop.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            int attempts = 0;
            for (var f : floods) {
                attempts += f.get();
            }
            String metrics = fx.gateway.metrics().scrape();
            System.out.println("flood: " + attempts + " CONNECTs");
            // most of the flood was refused without a bcrypt check
            assertThat(metrics).containsPattern("parkwatch_gateway_connections_closed_total\\{protocol=\"mqtt\",reason=\"auth-deferred\"} [1-9]");
        }
    }

    @Test
    void passwordsOfAnyLengthAreAnsweredAndTheLongOnesRefused() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults())) {
            for (int length : new int[] {73, 1000, 65_000}) {
                byte[] pw = "x".repeat(length).getBytes(StandardCharsets.UTF_8);
                MqttAsyncClient c = new MqttAsyncClient(fx.uri(), "long-" + length, new MemoryPersistence());
                MqttConnectionOptions o = new MqttConnectionOptions();
                o.setUserName("dev-a");
                o.setPassword(pw);
                long start = System.nanoTime();
                assertThatThrownBy(() -> c.connect(o).waitForCompletion(10_000))
                        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
                assertThat((System.nanoTime() - start) / 1_000_000).as("answered at once").isLessThan(2000);
                c.close();
            }
            // 72 bytes is the longest bcrypt reads: checked, and wrong
            MqttAsyncClient c = new MqttAsyncClient(fx.uri(), "long-72", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName("dev-a");
            o.setPassword("x".repeat(72).getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> c.connect(o).waitForCompletion(10_000))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
            c.close();
            // 64 KB names would travel into logs, refusal records and caches: refused at once
            MqttAsyncClient longUser = new MqttAsyncClient(fx.uri(), "long-user", new MemoryPersistence());
            MqttConnectionOptions lu = new MqttConnectionOptions();
            lu.setUserName("u".repeat(1000));
            lu.setPassword("secret-a".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> longUser.connect(lu).waitForCompletion(10_000))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
            longUser.close();
            MqttAsyncClient longId = new MqttAsyncClient(fx.uri(), "c".repeat(1000), new MemoryPersistence());
            MqttConnectionOptions li = new MqttConnectionOptions();
            li.setUserName("dev-a");
            li.setPassword("secret-a".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> longId.connect(li).waitForCompletion(10_000))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
            longId.close();
            assertThat(fx.v5("dev-a", "secret-a").isConnected()).isTrue();
        }
    }
}
