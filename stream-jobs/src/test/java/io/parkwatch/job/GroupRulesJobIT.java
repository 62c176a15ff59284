package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zone voting and logger-offline through Kafka and the Flink job, with the park reporting in real time. */
class GroupRulesJobIT {

    @TempDir
    Path dir;

    @Test
    void twoDetectorsOfAZoneRaiseACriticalZoneAlertAndADeadLoggerIsOneAlert() throws Exception {
        String pointsYaml = Files.readString(Path.of("../config/points.yaml"));
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", pointsYaml));
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("group-test")
                    .config(new ParkConfig(pointsYaml, Files.readString(Path.of("../config/rules.yaml")), null))
                    .checkpointInterval(Duration.ofSeconds(2)).outOfOrderness(Duration.ofSeconds(5))
                    .idleness(Duration.ofSeconds(10)).build();
            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, null);
                    TopicRecorder events = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
                    LivePark park = new LivePark(kafka.bootstrapServers(), registry)) {
                Set<String> stopped = park.silentEnterprises;
                Map<String, Double> override = park.values;
                // two detectors of zone HX-Z1 at 30 %LEL together: each alone is a level-1 alarm, together critical
                override.put("HX-T101-GT1", 30.0);
                override.put("HX-T102-GT1", 31.0);
                await().atMost(Duration.ofSeconds(60)).until(() -> of(events, "combustible-gas-zone-vote").size() >= 1);
                AlertEvent vote = of(events, "combustible-gas-zone-vote").get(0);
                assertThat(vote.type()).isEqualTo(AlertEventType.RAISED);
                assertThat(vote.level()).isEqualTo(Level.CRITICAL);
                assertThat(vote.pointId()).isEqualTo("zone:HX-Z1");
                assertThat(vote.message()).contains("HX-T101-GT1 (30)", "HX-T102-GT1 (31)");

                // Donghai's data logger dies: one logger alert, not one per point
                stopped.add("ent-donghai");
                await().atMost(Duration.ofSeconds(30)).until(() -> of(events, "offline").stream()
                        .anyMatch(e -> e.pointId().equals("logger:ent-donghai")));
                // and, well past the settle time, still no individual alert for any of Donghai's points
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> of(events, "offline")
                        .stream().noneMatch(e -> e.pointId().startsWith("DH-")));
                List<AlertEvent> offline = of(events, "offline");
                assertThat(offline).extracting(AlertEvent::pointId, AlertEvent::type)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("logger:ent-donghai", AlertEventType.RAISED));
                assertThat(offline.get(0).message()).contains("all 5 points silent");

                stopped.clear(); // back
                await().atMost(Duration.ofSeconds(30)).until(() -> of(events, "offline").stream()
                        .anyMatch(e -> e.type() == AlertEventType.RECOVERED));
            }
        }
    }

    static List<AlertEvent> of(TopicRecorder r, String rule) {
        return r.records().stream().map(rec -> WireJson.alertEvent(rec.value())).filter(e -> e.ruleId().equals(rule))
                .toList();
    }
}
