package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole alarm life cycle through Kafka and the job: raise, escalate, acknowledge, recover, close. */
class LifecycleJobIT {

    static final String POINT = "HX-T101-GT1";
    static final String CONTACTS = """
            escalation: { after: 2s, after-critical: 1s }
            park:
              duty-officer: { name: Park duty officer Wang, phone: "0000-110" }
              authority: { name: County emergency bureau }
            enterprises:
              - enterprise: ent-huaxin
                operational: { name: Zhang (shift lead), phone: "138-1" }
                technical: { name: Li (process engineer), phone: "138-2" }
                principal: { name: Zhao (plant manager), phone: "138-3" }
            """;

    @TempDir
    Path dir;

    @Test
    void raiseEscalateAcknowledgeRecoverClose() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = recorder(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            try (LocalJobRunner job = LocalJobRunner.start(settings(kafka), 1, null)) {
                long t0 = System.currentTimeMillis() - 600_000;
                send(producer, t0, 0, new double[] {3, 27, 28, 30, 31});
                await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, AlertEventType.ESCALATED).isEmpty());
                AlertEvent raised = of(events, AlertEventType.RAISED).get(0);
                AlertEvent escalated = of(events, AlertEventType.ESCALATED).get(0);
                assertThat(escalated.alertId()).isEqualTo(raised.alertId());
                assertThat(escalated.note()).isEqualTo("Li (process engineer) (technical responsible person, 138-2)");

                command(producer, raised, AlertCommand.Type.ACKNOWLEDGE, "Zhang", null);
                await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, AlertEventType.ACKNOWLEDGED).isEmpty());
                int escalations = of(events, AlertEventType.ESCALATED).size();
                // acknowledged: the chain stops (the next step would have come within 2 s)
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                        .until(() -> of(events, AlertEventType.ESCALATED).size() == escalations);

                send(producer, t0, 5, new double[] {52, 58, 61, 40, 21, 12, 5});
                await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, AlertEventType.RECOVERED).isEmpty());
                command(producer, raised, AlertCommand.Type.CLOSE, "Zhang", " ");
                await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, AlertEventType.COMMAND_REFUSED).isEmpty());
                assertThat(of(events, AlertEventType.COMMAND_REFUSED).get(0).note())
                        .isEqualTo("closing needs a disposal note (what was done)");
                command(producer, raised, AlertCommand.Type.CLOSE, "Zhang", "flange gasket at P-104 replaced, area gas-free");
                await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, AlertEventType.CLOSED).isEmpty());

                List<AlertEvent> timeline = all(events).stream().filter(e -> raised.alertId().equals(e.alertId())).toList();
                assertThat(timeline).extracting(AlertEvent::type).containsSubsequence(AlertEventType.RAISED,
                        AlertEventType.ESCALATED, AlertEventType.ACKNOWLEDGED, AlertEventType.LEVEL_CHANGED,
                        AlertEventType.RECOVERED, AlertEventType.COMMAND_REFUSED, AlertEventType.CLOSED);
                assertThat(timeline).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
                System.out.println("Timeline of alert " + raised.alertId() + " as it came out of " + Topics.ALERT_EVENTS + ":");
                timeline.forEach(e -> System.out.printf("  %s %-15s %-8s %s%s%n", Instant.ofEpochMilli(e.eventTime()),
                        e.type(), e.level(), e.message(), e.actor() == null ? "" : "  [" + e.actor() + "]"));

                try (TopicRecorder alerts = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERTS)) {
                    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                        Alert last = latest(alerts).get(raised.alertId());
                        assertThat(last.state()).isEqualTo(AlertState.CLOSED);
                        assertThat(last.handling().acknowledgedBy()).isEqualTo("Zhang");
                        assertThat(last.handling().closeNote()).startsWith("flange gasket");
                    });
                }
            }
        }
    }

    @Test
    void aPendingEscalationSurvivesARestartOfTheJob() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = recorder(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            JobSettings settings = settings(kafka);
            LocalJobRunner first = LocalJobRunner.start(settings, 1, checkpoints);
            long t0 = System.currentTimeMillis() - 600_000;
            send(producer, t0, 0, new double[] {3, 27, 28, 30, 31});
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, AlertEventType.RAISED).isEmpty());
            int seen = CheckpointRestoreJobIT.checkpointCount(checkpoints);
            await().atMost(Duration.ofSeconds(30)).until(() -> CheckpointRestoreJobIT.checkpointCount(checkpoints) > seen + 1);
            first.close();
            int escalationsBefore = of(events, AlertEventType.ESCALATED).size();
            Optional<Path> latest = LocalJobRunner.latestCheckpoint(checkpoints);
            try (LocalJobRunner second = LocalJobRunner.start(settings, 1, checkpoints, latest.orElseThrow())) {
                // the restored timer goes on escalating along the chain
                await().atMost(Duration.ofSeconds(30)).until(() -> of(events, AlertEventType.ESCALATED).size() > escalationsBefore);
                assertThat(of(events, AlertEventType.ESCALATED)).extracting(AlertEvent::alertId)
                        .containsOnly(of(events, AlertEventType.RAISED).get(0).alertId());
            }
        }
    }

    /** The chain of responsibility as the demo file writes it, its minutes as seconds: tiers, reminders, persons. */
    @Test
    void tiersRemindAndEscalateInOrderNamingTheirPeople() throws Exception {
        String contacts = Files.readString(Path.of("../config/contacts.yaml")).replaceAll("(\\d+)m([ ,}\\n])", "$1s$2");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = recorder(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            JobSettings settings = settings(kafka, contacts);
            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, null)) {
                long t0 = System.currentTimeMillis() - 600_000;
                send(producer, t0, 0, new double[] {3, 27, 28, 30, 31}); // level 1 at the benzene tank's detector
                // the control room is reminded every 2 s, then after 5 s the operational person is called, then
                // the technical one, each named as data
                await().atMost(Duration.ofSeconds(60)).until(() -> of(events, AlertEventType.ESCALATED).size() >= 2);
                List<AlertEvent> calls = all(events).stream().filter(e -> e.type() == AlertEventType.REMINDED
                        || e.type() == AlertEventType.ESCALATED).toList();
                assertThat(calls).extracting(AlertEvent::type, e -> e.recipients().get(0).personId(),
                        e -> e.recipients().get(0).tier()).startsWith(
                                org.assertj.core.groups.Tuple.tuple(AlertEventType.REMINDED, "hx-control", "control-room"),
                                org.assertj.core.groups.Tuple.tuple(AlertEventType.REMINDED, "hx-control", "control-room"))
                        .contains(org.assertj.core.groups.Tuple.tuple(AlertEventType.ESCALATED, "hx-zhang", "operational"),
                                org.assertj.core.groups.Tuple.tuple(AlertEventType.ESCALATED, "hx-li", "technical"));
                AlertEvent toOperational = of(events, AlertEventType.ESCALATED).get(0);
                assertThat(toOperational.recipients().get(0).phone()).isEqualTo("+86 138 0000 0101");
                assertThat(toOperational.recipients().get(0).channels()).containsExactly("sms", "voice");
                AlertEvent raised = of(events, AlertEventType.RAISED).get(0);
                assertThat(toOperational.eventTime() - raised.detectedAt()).isBetween(4_000L, 9_000L);

                command(producer, raised, AlertCommand.Type.ACKNOWLEDGE, "张伟", null);
                await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, AlertEventType.ACKNOWLEDGED).isEmpty());
                int calledBefore = (int) all(events).stream().filter(e -> e.type() == AlertEventType.REMINDED
                        || e.type() == AlertEventType.ESCALATED).count();
                // answered: no reminder, no escalation any more (the next would have come within 5 s)
                await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> all(events).stream()
                        .filter(e -> e.type() == AlertEventType.REMINDED || e.type() == AlertEventType.ESCALATED)
                        .count() == calledBefore);
            }
        }
    }

    JobSettings settings(EmbeddedKafka kafka) throws Exception {
        return settings(kafka, CONTACTS);
    }

    JobSettings settings(EmbeddedKafka kafka, String contacts) throws Exception {
        return JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                .consumerGroup("lifecycle-" + UUID.randomUUID())
                .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")), Files.readString(Path.of("../config/rules.yaml")), null, contacts))
                .checkpointInterval(Duration.ofMillis(500)).outOfOrderness(Duration.ofSeconds(5))
                .idleness(Duration.ofSeconds(10)).holdOff(Duration.ofMinutes(1)).build();
    }

    static TopicRecorder recorder(EmbeddedKafka kafka) {
        kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
        return new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
    }

    static KafkaProducer<String, byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> p, long t0, int from, double[] values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            Reading r = new Reading(POINT, "ent-huaxin", t0 + (from + i) * 1000L, values[i], Quality.N, System.currentTimeMillis());
            p.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(r))).get(10, TimeUnit.SECONDS);
        }
    }

    static void command(KafkaProducer<String, byte[]> p, AlertEvent alert, AlertCommand.Type type, String user, String note)
            throws Exception {
        String key = Alert.key(alert.ruleId(), alert.pointId(), alert.direction());
        AlertCommand c = new AlertCommand(UUID.randomUUID().toString(), type, alert.alertId(), key, user,
                AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-huaxin", note, System.currentTimeMillis());
        p.send(new ProducerRecord<>(Topics.COMMANDS, key, WireJson.write(c))).get(10, TimeUnit.SECONDS);
    }

    static List<AlertEvent> all(TopicRecorder r) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (POINT.equals(e.pointId()) && "combustible-gas".equals(e.ruleId())) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }

    static List<AlertEvent> of(TopicRecorder r, AlertEventType type) {
        return all(r).stream().filter(e -> e.type() == type).toList();
    }

    static Map<String, Alert> latest(TopicRecorder r) {
        Map<String, Alert> m = new LinkedHashMap<>();
        r.records().forEach(rec -> m.put(rec.key(), WireJson.alert(rec.value())));
        return m;
    }
}
