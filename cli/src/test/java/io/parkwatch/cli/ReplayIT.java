package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RecordedReadings;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded readings (CSV and InfluxDB line protocol) replayed through a running ParkWatch's gateway. */
class ReplayIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;

    @TempDir
    Path tmp;

    @Test
    void recordingsInBothFormatsArriveAndTheirGasAlarmIsRaised() throws Exception {
        long t0 = System.currentTimeMillis() - 600_000; // ten minutes ago, one reading a second
        StringBuilder csv = new StringBuilder("point,ts,value,quality\n");
        StringBuilder lp = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            double gas = i < 10 ? 1 : 32; // the detector sees 32 %LEL from the 10th second on
            csv.append("HX-T101-GT1,").append(t0 + i * 1000L).append(',').append(gas).append(",N\n");
            lp.append("reading,enterprise=ent-donghai,point=DH-V201-TT,quality=N value=").append(20 + i * 0.1)
                    .append(' ').append((t0 + i * 1000L) * 1_000_000L).append('\n');
        }
        Path csvFile = Files.writeString(tmp.resolve("leak.csv"), csv);
        Path lpFile = Files.writeString(tmp.resolve("sphere.lp"), lp);

        Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", 0).with("console.metrics-port", 0).with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("console.session-file", "").with("job.checkpoint-dir", tmp.resolve("checkpoints"));
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT);
                TopicRecorder readings = new TopicRecorder(park.kafkaBootstrap(), Topics.READINGS);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS)) {
            String url = "tcp://127.0.0.1:" + park.mqttPort();
            List<Reading> leak = RecordedReadings.read(csvFile, park.points(), b -> { });
            ReplayCommand.Summary asFast = ReplayCommand.replay(leak, Double.POSITIVE_INFINITY, false, url,
                    SimulateCommand.logins(settings));
            assertThat(asFast.acknowledged()).isEqualTo(30);
            List<Reading> sphere = RecordedReadings.read(lpFile, park.points(), b -> { });
            assertThat(sphere.get(0).value()).isEqualTo(20.0);
            assertThat(sphere.get(0).timestamp()).isEqualTo(t0); // nanoseconds read as such
            ReplayCommand.Summary paced = ReplayCommand.replay(sphere, 10, true, url, SimulateCommand.logins(settings));
            assertThat(paced.acknowledged()).isEqualTo(30);
            assertThat(paced.seconds()).isGreaterThanOrEqualTo(2.9); // 29 recorded seconds at 10x
            assertThat(paced.last()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));

            await().atMost(Duration.ofSeconds(20)).until(() -> readings.drain(Duration.ofSeconds(10)).size() == 60);
            List<Reading> stored = readings.records().stream().map(r -> ReadingJson.read(r.value())).toList();
            assertThat(stored).filteredOn(r -> r.pointId().equals("HX-T101-GT1")).extracting(Reading::timestamp)
                    .containsExactlyInAnyOrderElementsOf(leak.stream().map(Reading::timestamp).toList());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.records().stream()
                    .map(r -> WireJson.alertEvent(r.value())).filter(e -> e.ruleId().equals("combustible-gas"))
                    .map(AlertEvent::type).toList()).contains(AlertEventType.RAISED));
        }
    }
}
