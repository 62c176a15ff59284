package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.wire.Topics;
import java.io.FileInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device ACLs, TLS, connection and rate limits, and /metrics, against a real gateway and Kafka. */
class MqttHardeningIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String reading(double v) {
        return "{\"ts\":" + System.currentTimeMillis() + ",\"v\":" + v + "}";
    }

    @Test
    void aDeviceMayPublishOnlyItsOwnEnterpriseAndPointsAndEveryRefusalIsCounted() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withMetricsPort(0));
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED)) {
            MqttAsyncClient a1 = fx.v5("dev-a1", "secret-a1"); // may publish A1 only
            IMqttToken ok = a1.publish("parkwatch/ent-a/A1", reading(3).getBytes(), 1, false);
            ok.waitForCompletion(10_000);
            assertThat(ok.getReasonCodes()).containsExactly(0);
            IMqttToken notMine = a1.publish("parkwatch/ent-a/A2", reading(4).getBytes(), 1, false);
            notMine.waitForCompletion(10_000);
            assertThat(notMine.getReasonCodes()).containsExactly(0x87); // not authorized
            IMqttToken otherPlant = a1.publish("parkwatch/ent-b/B1", reading(5).getBytes(), 1, false);
            otherPlant.waitForCompletion(10_000);
            assertThat(otherPlant.getReasonCodes()).containsExactly(0x87);
            await().atMost(Duration.ofSeconds(5)).until(() -> rejected.values().size() == 2);
            assertThat(rejected.values()).anySatisfy(v -> assertThat(v).contains("FORBIDDEN_POINT", "dev-a1", "A2"))
                    .anySatisfy(v -> assertThat(v).contains("FORBIDDEN_ENTERPRISE"));
            a1.disconnect().waitForCompletion(5000);

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + fx.gateway.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics)
                    .contains("parkwatch_gateway_readings_accepted_total{protocol=\"mqtt\"} 1.0")
                    .contains("parkwatch_gateway_readings_rejected_total{protocol=\"mqtt\",reason=\"FORBIDDEN_POINT\"} 1.0")
                    .contains("parkwatch_gateway_readings_rejected_total{protocol=\"mqtt\",reason=\"FORBIDDEN_ENTERPRISE\"} 1.0")
                    .contains("parkwatch_gateway_connections{protocol=\"mqtt\"}")
                    .contains("parkwatch_gateway_bytes_received_bytes_total{protocol=\"mqtt\"}")
                    .contains("parkwatch_gateway_kafka_produce_seconds_count")
                    .contains("parkwatch_gateway_ack_seconds_count{protocol=\"mqtt\"} 3");
        }
    }

    @Test
    void moreReadingsPerSecondThanAllowedAreRefusedWithQuotaExceededAndKept() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withLimits(100, 5));
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED)) {
            MqttAsyncClient a = fx.v5("dev-a", "secret-a");
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 10; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"point\":\"A1\",\"ts\":").append(System.currentTimeMillis() - i)
                        .append(",\"v\":").append(i).append("}");
            }
            IMqttToken t = a.publish("parkwatch/ent-a/batch", batch.append("]").toString().getBytes(), 1, false);
            t.waitForCompletion(10_000);
            assertThat(t.getReasonCodes()).containsExactly(0x97); // quota exceeded
            await().atMost(Duration.ofSeconds(5)).until(() -> rejected.values().size() == 10);
            assertThat(rejected.values()).allSatisfy(v -> assertThat(v).contains("RATE_LIMITED"));
            a.disconnect().waitForCompletion(5000);
        }
    }

    @Test
    void oneAddressMayHoldOnlySoManyConnections() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withLimits(2, 1000))) {
            List<Socket> open = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                open.add(new Socket("127.0.0.1", fx.gateway.mqttPort()));
                int n = i;
                await().atMost(Duration.ofSeconds(5)).until(() -> fx.gateway.metrics().connections("mqtt") == n);
            }
            try (Socket third = new Socket("127.0.0.1", fx.gateway.mqttPort())) {
                third.setSoTimeout(5000);
                assertThat(third.getInputStream().read()).isEqualTo(-1); // closed by the gateway
            }
            // the two within the limit still work as MQTT connections would: a real client gets in after one leaves
            open.get(0).close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                MqttAsyncClient c = fx.v5("dev-a", "secret-a");
                c.disconnect().waitForCompletion(5000);
            });
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void devicesConnectOverTlsWhileThePlainPortIsOff() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl made a test certificate").isTrue();

        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, 1, Topics.isCompacted(t))).toList());
            GatewayConfig cfg = new GatewayConfig("127.0.0.1", -1, 65536, Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Duration.ofSeconds(60)).withTls(new GatewayConfig.Tls(0, cert, key, null));
            try (Gateway gw = Gateway.start(cfg, GatewayFixture.POINTS, GatewayFixture.DEVICES, kafka.bootstrapServers());
                    TopicRecorder readings = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS)) {
                assertThat(gw.mqttPort()).isEqualTo(-1);
                MqttConnectionOptions o = new MqttConnectionOptions();
                o.setUserName("dev-a");
                o.setPassword("secret-a".getBytes());
                o.setSocketFactory(trusting(cert).getSocketFactory());
                MqttAsyncClient c = new MqttAsyncClient("ssl://127.0.0.1:" + gw.mqttTlsPort(), "tls-1",
                        new MemoryPersistence());
                c.connect(o).waitForCompletion(10_000);
                c.publish("parkwatch/ent-a/A1", reading(7.5).getBytes(), 1, false).waitForCompletion(10_000);
                await().atMost(Duration.ofSeconds(5)).until(() -> readings.values().size() == 1);
                assertThat(readings.values().get(0)).contains("\"v\":7.5");
                c.disconnect().waitForCompletion(5000);

                // the same client without trusting the certificate does not get in
                MqttConnectionOptions untrusted = new MqttConnectionOptions();
                untrusted.setUserName("dev-a");
                untrusted.setPassword("secret-a".getBytes());
                untrusted.setSocketFactory(SSLContext.getDefault().getSocketFactory());
                MqttAsyncClient d = new MqttAsyncClient("ssl://127.0.0.1:" + gw.mqttTlsPort(), "tls-2",
                        new MemoryPersistence());
                assertThatThrownBy(() -> d.connect(untrusted).waitForCompletion(10_000)).hasMessageContaining("");
            }
        }
    }

    static SSLContext trusting(Path cert) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (FileInputStream in = new FileInputStream(cert.toFile())) {
            ks.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
