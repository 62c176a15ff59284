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
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file published on the config topic changes the running job; a bad one changes nothing. */
class DynamicRulesJobIT {

    @TempDir
    Path dir;

    @Test
    void aRuleChangeAppliesLiveWhileUnchangedRulesKeepTheirOpenAlerts() throws Exception {
        String pointsYaml = Files.readString(Path.of("../config/points.yaml"));
        String rulesYaml = Files.readString(Path.of("../config/rules.yaml"));
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", pointsYaml));
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("dynamic-test").config(new ParkConfig(pointsYaml, rulesYaml, null))
                    .checkpointInterval(Duration.ofSeconds(2)).outOfOrderness(Duration.ofSeconds(5))
                    .idleness(Duration.ofSeconds(10)).build();
            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, null);
                    TopicRecorder events = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
                    LivePark park = new LivePark(kafka.bootstrapServers(), registry)) {
                // T-101 benzene tank at 60 %: below every level limit; a gas alarm opens at T-101
                park.values.put("HX-T101-LT", 60.0);
                park.values.put("HX-T101-GT1", 30.0);
                await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, "combustible-gas").isEmpty());
                String gasAlert = of(events, "combustible-gas").get(0).alertId();
                assertThat(of(events, "atmospheric-tank-level")).isEmpty();

                // An invalid rule file is refused by the job: nothing changes.
                park.send(Topics.CONFIG, ConfigDocument.RULES, WireJson.write(new ConfigDocument(ConfigDocument.RULES,
                        rulesYaml.replace("high: { warn: 85, alarm: 90, critical: 95 }", "high: { warn: 95, alarm: 50 }"),
                        "bad.yaml", System.currentTimeMillis())));
                // The site lowers the tank's warn level to 55 %: the running job applies it.
                String lowered = rulesYaml.replace("high: { warn: 85, alarm: 90, critical: 95 }",
                        "high: { warn: 55, alarm: 90, critical: 95 }");
                assertThat(lowered).isNotEqualTo(rulesYaml);
                park.send(Topics.CONFIG, ConfigDocument.RULES, WireJson.write(new ConfigDocument(ConfigDocument.RULES,
                        lowered, "rules.yaml", System.currentTimeMillis())));
                await().atMost(Duration.ofSeconds(30)).until(() -> of(events, "atmospheric-tank-level").stream()
                        .anyMatch(e -> e.pointId().equals("HX-T101-LT") && e.level() == Level.WARN));

                // The gas rule did not change: its open alert carried on and recovers under the same id.
                park.values.put("HX-T101-GT1", 3.0);
                await().atMost(Duration.ofSeconds(30)).until(() -> of(events, "combustible-gas").stream()
                        .anyMatch(e -> e.type() == AlertEventType.RECOVERED));
                assertThat(of(events, "combustible-gas")).extracting(AlertEvent::type, AlertEvent::alertId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, gasAlert),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, gasAlert));
            }
        }
    }

    static List<AlertEvent> of(TopicRecorder r, String rule) {
        return r.records().stream().map(rec -> WireJson.alertEvent(rec.value())).filter(e -> e.ruleId().equals(rule))
                .toList();
    }
}
