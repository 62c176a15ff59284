package io.parkwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.wire.Topics;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway runs as its own process and is killed with SIGKILL while a QoS 1 publisher is sending.
 * After a restart on the same port and the publisher's reconnect, every reading the publisher saw
 * acknowledged must be in parkwatch.readings.
 */
class GatewayKillIT {

    static final Pattern SEQ = Pattern.compile("\"v\":(\\d+)\\.0");

    @TempDir
    Path dir;

    Process startGateway(Path points, Path devices, String kafka, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GatewayProcess.class.getName(), "--kafka", kafka, "--points", points.toString(), "--devices",
                devices.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--max-readings-per-second", "1000000") // this publisher sends as fast as it can
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway-" + System.nanoTime() + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p.isAlive();
            }
        });
        return p;
    }

    @Test
    void everyAcknowledgedReadingSurvivesAKillDashNine() throws Exception {
        Path points = dir.resolve("points.yaml");
        Files.writeString(points, """
                enterprises: [ { id: ent-a } ]
                points:
                  - { id: A1, enterprise: ent-a, kind: gas_lel, range: [0, 1000000] }
                """);
        Path devices = dir.resolve("devices.yaml");
        Files.writeString(devices, "devices:\n  - { username: dev-a, enterprise: ent-a, password-hash: \""
                + DeviceRegistry.hash("secret-a") + "\" }\n");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, 2, Topics.isCompacted(t))).toList());
            int port = EmbeddedKafka.freePort();
            Process gateway = startGateway(points, devices, kafka.bootstrapServers(), port);

            MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "logger-kill-test",
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName("dev-a");
            o.setPassword("secret-a".toCharArray());
            o.setCleanSession(false);       // unacknowledged messages are sent again after a reconnect
            o.setAutomaticReconnect(true);
            o.setMaxReconnectDelay(1000);
            o.setMaxInflight(200);
            client.connect(o).waitForCompletion(10_000);

            Set<Integer> acked = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            int total = 20_000;
            Thread publisher = new Thread(() -> {
                for (int seq = 0; seq < total && !stop.get(); ) {
                    int s = seq;
                    try {
                        client.publish("parkwatch/ent-a/A1", ("{\"ts\":" + System.currentTimeMillis() + ",\"v\":" + s
                                + "}").getBytes(), 1, false, null, new IMqttActionListener() {
                                    @Override
                                    public void onSuccess(IMqttToken t) {
                                        acked.add(s);
                                    }

                                    @Override
                                    public void onFailure(IMqttToken t, Throwable e) {
                                    }
                                });
                        sent.incrementAndGet();
                        seq++;
                    } catch (MqttException e) { // not connected, or the in-flight window is full: wait, then retry
                        await().atMost(Duration.ofSeconds(60)).until(() -> stop.get()
                                || client.isConnected() && client.getPendingDeliveryTokens().length < 150);
                    }
                }
            }, "qos1-publisher");
            publisher.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 3000);
            gateway.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int ackedAtKill = acked.size();
            gateway = startGateway(points, devices, kafka.bootstrapServers(), port);
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> !publisher.isAlive() && acked.size() == total);
                System.out.printf("kill -9 after %d acknowledged readings; %d sent, %d acknowledged in the end%n",
                        ackedAtKill, sent.get(), acked.size());
                try (TopicRecorder readings = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS)) {
                    // everything acknowledged was acknowledged after Kafka stored it: reading to the end suffices
                    java.util.List<String> values = readings.drain(Duration.ofSeconds(60));
                    Set<Integer> stored = stored(values);
                    Set<Integer> missing = new java.util.TreeSet<>(acked);
                    missing.removeAll(stored);
                    System.out.printf("in parkwatch.readings: %d records, %d distinct readings; acknowledged but missing:"
                            + " %d%n", values.size(), stored.size(), missing.size());
                    assertThat(missing).isEmpty();
                }
            } finally {
                stop.set(true);
                client.disconnectForcibly(1000, 1000);
                client.close();
                gateway.destroy();
                gateway.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static Set<Integer> stored(java.util.List<String> values) {
        Set<Integer> seqs = ConcurrentHashMap.newKeySet();
        for (String v : values) {
            Matcher m = SEQ.matcher(v);
            if (m.find()) {
                seqs.add(Integer.parseInt(m.group(1)));
            }
        }
        return seqs;
    }
}
