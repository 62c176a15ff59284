package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule kinds judged on event time, end to end through Kafka and the Flink job: a scripted five
 * hours of park history, sent in time order: a thermal runaway, activity at a unit marked shut down,
 * a stuck level gauge, a faulty reading, and a high level under a maintenance permit.
 */
class RuleCatalogJobIT {

    static final long MIN = 60_000;

    @TempDir
    Path dir;

    @Test
    void compositeShutdownStuckQualityAndMaintenanceThroughTheJob() throws Exception {
        long t0 = System.currentTimeMillis() - 6 * 3600_000L;
        // Donghai's LPG sphere V-201 is marked shut down (停产) in this registry
        String registry = Files.readString(Path.of("../config/points.yaml"));
        String points = registry.replace("  - id: ent-donghai\n", "  - id: ent-donghai\n    shut-down-units: [V-201]\n");
        assertThat(points).as("the test's registry marks V-201 shut down").isNotEqualTo(registry);
        String maintenance = "windows:\n  - permit: WP-TEST-1\n    points: [HX-T102-LT]\n    from: "
                + Instant.ofEpochMilli(t0).atOffset(ZoneOffset.ofHours(8)) + "\n    to: "
                + Instant.ofEpochMilli(t0 + 3600_000).atOffset(ZoneOffset.ofHours(8)) + "\n    reason: tank inspection\n";
        List<Reading> history = new ArrayList<>();
        for (int s = 0; s < 5 * 3600; s += 10) { // every 10 s for 5 h
            long ts = t0 + s * 1000L;
            double m = s / 60.0;
            // R-301 runaway from minute 60: temperature +1.5 degC/min, pressure +0.05 MPa/min
            history.add(r("XY-R301-TT", "ent-xinyuan", ts, m < 60 ? 80 : Math.min(190, 80 + 1.5 * (m - 60)), Quality.N));
            history.add(r("XY-R301-PT", "ent-xinyuan", ts, m < 60 ? 0.5 : Math.min(1.5, 0.5 + 0.05 * (m - 60)), Quality.N));
            // V-201 (shut down) warms 1 degC/min from minute 120 to 140
            history.add(r("DH-V201-TT", "ent-donghai", ts, m < 120 ? 15 : 15 + Math.min(20, m - 120), Quality.N));
            // HX-T101-LT gauge stuck at 61.2 % for the whole 5 h
            history.add(r("HX-T101-LT", "ent-huaxin", ts, 61.2, Quality.N));
            // DH-V201-PT flagged faulty (D) for a minute at minute 30
            history.add(r("DH-V201-PT", "ent-donghai", ts, 0.8, m >= 30 && m < 31 ? Quality.D : Quality.N));
            // HX-T102-LT over its warn level (85 %) during the permit's hour
            history.add(r("HX-T102-LT", "ent-huaxin", ts, m >= 10 && m < 20 ? 87 : 60 + 0.5 * Math.sin(m), Quality.N));
        }
        history.sort(Comparator.comparingLong(Reading::timestamp));

        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("catalog-test")
                    .config(new ParkConfig(points, Files.readString(Path.of("../config/rules.yaml")), maintenance))
                    .checkpointInterval(Duration.ofSeconds(2)).outOfOrderness(Duration.ofSeconds(30))
                    .idleness(Duration.ofSeconds(10)).build();
            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, null);
                    TopicRecorder events = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                            new StringSerializer(), new ByteArraySerializer())) {
                for (Reading r : history) {
                    producer.send(new ProducerRecord<>(Topics.READINGS, r.pointId(), ReadingJson.write(r)));
                }
                producer.flush();

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<AlertEvent> all = events.records().stream().map(x -> WireJson.alertEvent(x.value())).toList();
                    AlertEvent runaway = first(all, "reactor-runaway", "unit:R-301");
                    assertThat(runaway.pointId()).isEqualTo("unit:R-301");
                    assertThat(runaway.level()).isEqualTo(Level.CRITICAL);
                    assertThat(runaway.eventTime() - t0).isBetween(60 * MIN, 63 * MIN);

                    AlertEvent shutdown = first(all, "shut-down-plant-activity", "DH-V201-TT");
                    assertThat(shutdown.pointId()).isEqualTo("DH-V201-TT");
                    assertThat(shutdown.eventTime() - t0).isBetween(120 * MIN, 126 * MIN);
                    assertThat(all).filteredOn(e -> e.ruleId().equals("shut-down-plant-activity"))
                            .extracting(AlertEvent::pointId).containsOnly("DH-V201-TT");

                    AlertEvent stuck = first(all, "stuck-level", "HX-T101-LT");
                    assertThat(stuck.pointId()).isEqualTo("HX-T101-LT");
                    assertThat(stuck.category()).isEqualTo(AlertCategory.DATA_QUALITY);
                    assertThat(stuck.eventTime() - t0).isEqualTo(4 * 3600_000L);

                    AlertEvent fault = first(all, "instrument-quality", "DH-V201-PT");
                    assertThat(fault.pointId()).isEqualTo("DH-V201-PT");
                    assertThat(fault.eventTime() - t0).isEqualTo(30 * MIN);
                    assertThat(all).anyMatch(e -> e.ruleId().equals("instrument-quality") && e.type() == AlertEventType.RECOVERED
                            && e.eventTime() - t0 == 31 * MIN);
                    assertThat(all).noneMatch(e -> e.pointId().equals("DH-V201-PT") && e.category() == AlertCategory.PROCESS);

                    AlertEvent masked = first(all, "atmospheric-tank-level", "HX-T102-LT");
                    assertThat(masked.pointId()).isEqualTo("HX-T102-LT");
                    assertThat(masked.heldBackBy()).isEqualTo("WP-TEST-1");
                    assertThat(masked.heldBack()).isEqualTo(io.parkwatch.rules.model.HoldBack.MASKED);
                });
                // and the compacted state shows the masked alert as MASKED, not dropped
                try (TopicRecorder alerts = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERTS)) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> alerts.records().stream()
                            .map(x -> WireJson.alert(x.value()))
                            .anyMatch(a -> a.ruleId().equals("atmospheric-tank-level") && a.state() == AlertState.MASKED));
                }
            }
        }
    }

    static Reading r(String point, String enterprise, long ts, double v, Quality q) {
        return new Reading(point, enterprise, ts, v, q, ts);
    }

    /** The alert raised by a rule for one subject (events of different points arrive in no set order). */
    static AlertEvent first(List<AlertEvent> all, String rule, String subject) {
        return all.stream().filter(e -> e.ruleId().equals(rule) && e.pointId().equals(subject)
                && e.type() == AlertEventType.RAISED).findFirst()
                .orElseThrow(() -> new AssertionError("no RAISED event of " + rule + " for " + subject));
    }
}
