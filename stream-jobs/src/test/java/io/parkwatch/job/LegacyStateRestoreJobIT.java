package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.text.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A park upgrading from the one-class rule state: the job restores a checkpoint taken by that version in the
 * middle of a leak (resources {@code legacy-state/}) and finishes the leak on the alert that was open, instead of
 * forgetting it and raising a second one.
 */
class LegacyStateRestoreJobIT {

    static final long T0 = 1_795_500_000_000L;

    @TempDir
    Path dir;

    @Test
    void anOpenAlertInAnOldVersionsCheckpointRecoversAfterTheUpgrade() throws Exception {
        Path fixture = Path.of("src/test/resources/legacy-state");
        Path checkpoint = copy(fixture.resolve("chk"), dir.resolve("old-chk"));
        String openAlert = Files.readString(fixture.resolve("alert-id.txt")).trim();
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = CheckpointRestoreJobIT.recorder(kafka);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            // the readings the old version had taken, so that the restored offsets point where they did
            CheckpointRestoreJobIT.send(producer, T0, 0, new double[] {2, 8, 27, 31, 38, 52, 58, 61});
            // then the rest of the leak, which only the upgraded job sees
            CheckpointRestoreJobIT.send(producer, T0, 8, new double[] {63, 57, 40, 24, 21, 12, 5});
            JobSettings settings = demoPark(kafka, null);
            try (LocalJobRunner upgraded = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"), checkpoint)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !CheckpointRestoreJobIT.distinct(events).isEmpty());
                List<AlertEvent> e = CheckpointRestoreJobIT.distinct(events);
                // recovered, on the alert the old version had open, with the peak it had seen: nothing raised anew
                assertThat(e).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::alertId)
                        .containsExactly(tuple(AlertEventType.RECOVERED, Level.CRITICAL, openAlert));
                assertThat(e.get(0).value()).isEqualTo(21.0);
                // and it reads in Chinese, like any alert of the new version
                assertThat(Catalogue.chinese().render(e.get(0).text())).endsWith("恢复至 21 %LEL，已脱离限值 25 %LEL（回差 2 %LEL）");
            }
        }
    }

    /**
     * A park upgrading from before alarm management: a checkpoint of the previous version holds a critical gas
     * alert and an alert masked by a permit, in the state it called SUPPRESSED; both finish on their own ids.
     */
    @Test
    void openAndMaskedAlertsOfTheVersionBeforeAlarmManagementRecoverAfterTheUpgrade() throws Exception {
        Path fixture = Path.of("src/test/resources/state-before-alarm-management");
        Path checkpoint = copy(fixture.resolve("chk"), dir.resolve("old-chk"));
        List<String> ids = Files.readAllLines(fixture.resolve("alert-ids.txt"));
        String maintenance = """
                windows:
                  - permit: WP-FIXTURE-1
                    points: [HX-T101-LT]
                    from: 2026-11-23T00:00:00+08:00
                    to: 2026-11-30T00:00:00+08:00
                    reason: level gauge calibration
                """;
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = CheckpointRestoreJobIT.recorder(kafka);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            double[] gas = {2, 8, 27, 31, 38, 52, 58, 61, 63, 57, 40, 24, 21, 12, 5};
            double[] level = {80, 84, 91, 92, 92, 93, 93, 93, 93, 90, 85, 80, 75, 70, 70};
            for (int i = 0; i < gas.length; i++) { // what the old version took, then the rest
                send(producer, "HX-T101-GT1", T0 + i * 1000L, gas[i]);
                send(producer, "HX-T101-LT", T0 + i * 1000L, level[i]);
            }
            JobSettings settings = demoPark(kafka, maintenance);
            try (LocalJobRunner upgraded = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"), checkpoint)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(thresholdEvents(events))
                        .filteredOn(e -> e.type() == AlertEventType.RECOVERED).hasSize(2));
                List<AlertEvent> e = thresholdEvents(events);
                // both recover on the alerts the old version had open; nothing is raised anew
                assertThat(e).extracting(AlertEvent::type, AlertEvent::alertId).containsExactlyInAnyOrder(
                        tuple(AlertEventType.RECOVERED, ids.get(0)), tuple(AlertEventType.RECOVERED, ids.get(1)));
            }
        }
    }

    /**
     * A park upgrading from per-rule sample windows to the shared point history: a checkpoint of that version holds
     * an open rate-of-rise warning and a minute of samples in the windows of the rate and trend rules. After the
     * upgrade the gas falls: the warning recovers on its own id within seconds, which it can only do if the old
     * windows' samples were taken into the history (afresh, the rate rule would wait 45 s for enough of them).
     */
    @Test
    void aRateWarningAndItsSamplesFromTheVersionBeforeTheSharedHistoryCarryOn() throws Exception {
        Path fixture = Path.of("src/test/resources/state-before-shared-history");
        Path checkpoint = copy(fixture.resolve("chk"), dir.resolve("old-chk"));
        String openWarning = Files.readString(fixture.resolve("alert-id.txt")).trim();
        long t0 = 1_795_600_000_000L;
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = CheckpointRestoreJobIT.recorder(kafka);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            double[] rise = new double[60];
            for (int i = 0; i < rise.length; i++) {
                rise[i] = Math.round((2 + 0.3 * i) * 10) / 10.0; // what the old version took
            }
            CheckpointRestoreJobIT.send(producer, t0, 0, rise);
            double[] fall = new double[30];
            for (int i = 0; i < fall.length; i++) {
                fall[i] = Math.max(5, 19.7 - 0.75 * (i + 1)); // the leak stopped: the rest, only the upgrade sees
            }
            CheckpointRestoreJobIT.send(producer, t0, 60, fall);
            JobSettings settings = demoPark(kafka, null);
            try (LocalJobRunner upgraded = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"), checkpoint)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !rateEvents(events).isEmpty());
                List<AlertEvent> e = rateEvents(events);
                assertThat(e).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::alertId)
                        .containsExactly(tuple(AlertEventType.RECOVERED, Level.WARN, openWarning));
                assertThat(e.get(0).eventTime()).as("recovered from the carried samples, not after 45 s afresh")
                        .isBetween(t0 + 60_000, t0 + 75_000);
            }
        }
    }

    /** The job over the demo park (and maintenance windows, if any), as the fixtures' versions ran it. */
    static JobSettings demoPark(EmbeddedKafka kafka, String maintenance) throws Exception {
        return JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers()).consumerGroup("restore-test")
                .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")),
                        Files.readString(Path.of("../config/rules.yaml")), maintenance))
                .checkpointInterval(Duration.ofMillis(500)).outOfOrderness(Duration.ofSeconds(5))
                .idleness(Duration.ofSeconds(10)).build();
    }

    static List<AlertEvent> rateEvents(TopicRecorder r) {
        Map<String, AlertEvent> byId = new java.util.LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = io.parkwatch.rules.wire.WireJson.alertEvent(rec.value());
            if (e.ruleId().equals("combustible-gas-rate")) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }

    /** The events of the two threshold alarms of the fixture, once each. */
    static List<AlertEvent> thresholdEvents(TopicRecorder r) {
        Map<String, AlertEvent> byId = new java.util.LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = io.parkwatch.rules.wire.WireJson.alertEvent(rec.value());
            if (e.ruleId().equals("combustible-gas") || e.ruleId().equals("atmospheric-tank-level")) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }

    static void send(KafkaProducer<String, byte[]> p, String point, long t, double v) throws Exception {
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.parkwatch.rules.wire.Topics.READINGS, point,
                io.parkwatch.rules.wire.ReadingJson.write(new io.parkwatch.rules.model.Reading(point, "ent-huaxin", t, v,
                        io.parkwatch.rules.model.Quality.N, t)))).get();
    }

    static Path copy(Path from, Path to) throws Exception {
        FileUtils.copyDirectory(from.toFile(), to.toFile());
        return to;
    }
}
