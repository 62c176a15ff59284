package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.mqtt.GatewayFixture;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data loggers speaking HJ 212 over real TCP to a real gateway in front of a real Kafka. */
class Hj212EndpointIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Map<String, Hj212Logger> LOGGERS = Map.of("MN-B-01", new Hj212Logger("MN-B-01", "ent-b",
            BCrypt.withDefaults().hashToString(4, "123456".toCharArray()), Map.of("a21028", "B2", "a01001", "B1")));

    @TempDir
    Path dir;

    static GatewayConfig config() {
        return GatewayConfig.defaults().withHj212(new Hj212Endpoint.Settings("127.0.0.1", 0, 1024, Duration.ofMinutes(5),
                CHINA, Duration.ofMinutes(1), 20));
    }

    /** Now, as a logger in China writes it, and the same instant in epoch ms. */
    static String dataTime(Instant t) {
        return LocalDateTime.ofInstant(t, CHINA).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    static String upload(String qn, String pw, String cp) {
        return "QN=" + qn + ";ST=22;CN=2011;PW=" + pw + ";MN=MN-B-01;Flag=5;CP=&&" + cp + "&&";
    }

    static List<JsonNode> json(TopicRecorder r) {
        return r.values().stream().map(v -> {
            try {
                return JSON.readTree(v);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void realTimeDataIsStoredThenAnsweredAndRefusalsAreAnsweredWithTheirCode() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, config(), LOGGERS);
                TopicRecorder readings = new TopicRecorder(fx.bootstrap(), Topics.READINGS);
                TopicRecorder stats = new TopicRecorder(fx.bootstrap(), Topics.READINGS_STATS);
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED);
                TestLogger logger = new TestLogger(fx.gateway.hj212Port())) {
            Instant t = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            logger.send(upload("20260801085857001", "123456",
                    "DataTime=" + dataTime(t) + ";a21028-Rtd=12.5,a21028-Flag=N;a01001-Rtd=31.5,a01001-Flag=D"));
            String answer = logger.answer();
            assertThat(answer).contains("QN=20260801085857001;ST=91;CN=9014;PW=123456;MN=MN-B-01;Flag=4;CP=&&&&");
            // answered only after Kafka stored them: they are there already
            assertThat(json(readings)).extracting(n -> n.get("point").asText() + "=" + n.get("v").asDouble() + "/"
                    + n.get("q").asText() + "@" + n.get("ts").asLong())
                    .containsExactlyInAnyOrder("B2=12.5/N@" + t.toEpochMilli(), "B1=31.5/D@" + t.toEpochMilli());

            // a bad CRC: refused, answered with QnRtn=9, the connection stays for the resend
            String seg = upload("20260801085857002", "123456", "DataTime=" + dataTime(t) + ";a21028-Rtd=13");
            byte[] bad = Hj212Frames.frame(seg);
            bad[bad.length - 3] = (byte) (bad[bad.length - 3] == '0' ? '1' : '0');
            logger.send(bad);
            assertThat(logger.answer()).contains("CN=9011").contains("QnRtn=9");
            logger.send(seg);
            assertThat(logger.answer()).contains("QN=20260801085857002").contains("CN=9014");

            // minute data goes to the statistics topic
            logger.send("QN=20260801085857003;ST=22;CN=2051;PW=123456;MN=MN-B-01;Flag=5;CP=&&DataTime="
                    + dataTime(t) + ";a21028-Avg=10.1,a21028-Min=9,a21028-Max=11.9,a21028-Flag=N&&");
            assertThat(logger.answer()).contains("CN=9014");
            assertThat(json(stats)).singleElement().satisfies(s -> {
                assertThat(s.get("pointId").asText()).isEqualTo("B2");
                assertThat(s.get("interval").asText()).isEqualTo("minute");
                assertThat(s.get("max").asDouble()).isEqualTo(11.9);
            });

            // a split packet: two parts, put together
            logger.send("QN=20260801085857004;ST=22;CN=2011;PW=123456;MN=MN-B-01;Flag=7;PNUM=2;PNO=1;CP=&&DataTime="
                    + dataTime(t.plusSeconds(1)) + ";a21028-Rtd=14.0,a21028-Flag=N&&");
            assertThat(logger.answer()).contains("CN=9014");
            logger.send("QN=20260801085857004;ST=22;CN=2011;PW=123456;MN=MN-B-01;Flag=7;PNUM=2;PNO=2;CP=&&"
                    + "a01001-Rtd=32.0,a01001-Flag=N&&");
            assertThat(logger.answer()).contains("CN=9014");
            await().atMost(Duration.ofSeconds(5)).until(() -> readings.values().size() == 5);
            assertThat(json(readings)).extracting(n -> n.get("point").asText() + "=" + n.get("v").asDouble())
                    .contains("B2=14.0", "B1=32.0");

            // an unmapped code and an unsupported command: refused with reasons, the connection stays
            logger.send(upload("20260801085857005", "123456", "DataTime=" + dataTime(t) + ";a99999-Rtd=1"));
            assertThat(logger.answer()).contains("CN=9014");
            logger.send("QN=20260801085857006;ST=22;CN=1062;PW=123456;MN=MN-B-01;Flag=5;CP=&&RtdInterval=30&&");
            assertThat(logger.answer()).contains("QnRtn=8");
            await().atMost(Duration.ofSeconds(5)).until(() -> rejected.values().size() == 3);
            assertThat(json(rejected)).extracting(n -> n.get("reason").asText())
                    .containsExactlyInAnyOrder("BAD_CRC", "UNKNOWN_CODE", "UNSUPPORTED_COMMAND");
            assertThat(json(rejected).get(0).get("source").asText()).isEqualTo("hj212");
            assertThat(fx.gateway.metrics().rejected("hj212", "BAD_CRC")).isEqualTo(1);
            assertThat(fx.gateway.metrics().accepted("hj212")).isEqualTo(5); // 2 + the resent one + 2 from the split packet
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownLoggerIsAnsweredAndDisconnected() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, config(), LOGGERS);
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED)) {
            try (TestLogger wrongPw = new TestLogger(fx.gateway.hj212Port())) {
                wrongPw.send(upload("1", "654321", "DataTime=20260801085800;a21028-Rtd=1"));
                assertThat(wrongPw.answer()).contains("CN=9011").contains("QnRtn=3");
                assertThat(wrongPw.closedByGateway()).isTrue();
            }
            try (TestLogger stranger = new TestLogger(fx.gateway.hj212Port())) {
                stranger.send("QN=2;ST=22;CN=2011;PW=123456;MN=NOBODY;Flag=5;CP=&&DataTime=20260801085800;a21028-Rtd=1&&");
                assertThat(stranger.answer()).contains("MN=NOBODY").contains("QnRtn=4");
                assertThat(stranger.closedByGateway()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> rejected.values().size() == 2);
            assertThat(json(rejected)).extracting(n -> n.get("reason").asText())
                    .containsExactlyInAnyOrder("BAD_PASSWORD", "UNKNOWN_LOGGER");
            assertThat(json(rejected)).allSatisfy(n -> assertThat(n.get("raw").asText()).startsWith("##"));
        }
    }

    @Test
    void junkCostsTheSenderABoundedNumberOfRecordsAndItsConnection() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, config(), LOGGERS);
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED)) {
            // a run of junk cut into many pieces by the decoder ("##" with a bad length every 3 bytes): one record
            try (TestLogger noisy = new TestLogger(fx.gateway.hj212Port())) {
                noisy.send("##x".repeat(300).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                await().atMost(Duration.ofSeconds(10)).until(() -> rejected.values().size() == 1);
                assertThat(json(rejected).get(0).get("reason").asText()).isEqualTo("MALFORMED_FRAME");
                assertThat(json(rejected).get(0).get("detail").asText()).contains("more pieces of garbage");
                // then a good frame: still taken
                noisy.send(upload("1", "123456", "DataTime=" + dataTime(Instant.now()) + ";a21028-Rtd=1.5"));
                assertThat(noisy.answer()).contains("CN=9014");
            }
            // a sender of nothing but junk: closed after a bounded number of runs, whatever it sends
            int before = rejected.values().size();
            long sent = 0;
            try (TestLogger junk = new TestLogger(fx.gateway.hj212Port())) {
                byte[] kb = new byte[1024];
                new java.util.Random(7).nextBytes(kb);
                for (int i = 0; i < 2000; i++) {
                    try {
                        junk.send(kb);
                        sent += kb.length;
                    } catch (java.io.IOException e) {
                        break; // closed by the gateway
                    }
                }
                assertThat(junk.closedByGateway()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> rejected.values().size() - before >= 1);
            int records = rejected.values().size() - before;
            System.out.println("junk: the sender wrote " + sent + " bytes into its socket; " + records
                    + " records, connection closed by the gateway");
            assertThat(records).isLessThanOrEqualTo(Hj212Endpoint.MAX_JUNK_RUNS);
        }
    }
}
