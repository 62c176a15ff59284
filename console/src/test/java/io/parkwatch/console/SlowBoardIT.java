package io.parkwatch.console;

import static io.parkwatch.console.TestEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.http.LiveFeedHealth;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand.Role;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
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
 * A flood on a board that does not keep up (a slow link, a frozen laptop): the console holds no more than its high
 * water mark for it (and one message beyond), withholds the rest, and once the board reads again sends it the whole
 * board, a part at a time as it takes them, on which every alert of the flood is. A board that keeps up meanwhile
 * gets every change, one by one.
 */
class SlowBoardIT {

    static final String POINTS = """
            enterprises:
              - { id: ent-a, name: Plant A }
            points:
              - { id: A-GT1, enterprise: ent-a, kind: gas_lel, unit: "%LEL", range: [0, 100], interval: 1s, tank: T-1, zone: Z1 }
            """;
    /** Enough live messages (an alert and its event each, about a kilobyte) to fill a loopback socket's buffers. */
    static final int ALERTS = Integer.getInteger("slow-board.alerts", 12_000);
    /** Alerts a step of the flood: about 400 KB of messages, well within a board's high water mark. */
    static final int STEP = 200;

    @Test
    void aBoardThatStopsReadingCostsAtMostItsHighWaterMarkAndThenGetsTheWholeBoard(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
            kafka.createTopics(List.of(new TopicSpec(Topics.ALERTS, 2, true), new TopicSpec(Topics.ALERT_EVENTS, 2, false),
                    new TopicSpec(Topics.READINGS, 2, false), new TopicSpec(Topics.CONFIG, 1, true),
                    new TopicSpec(Topics.COMMANDS, 1, false), new TopicSpec(Topics.INCIDENTS, 1, false)));
            long t0 = System.currentTimeMillis();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.CONFIG, "points",
                        WireJson.write(new ConfigDocument("points", POINTS, "test", t0)))).get();
                Map<String, ConsoleUser> users = Map.of("duty", new ConsoleUser("duty", "duty", Role.PARK_OFFICER, null,
                        BCrypt.withDefaults().hashToString(4, "duty-pw".toCharArray())));
                try (Console console = Console.start(ConsoleConfig.of("127.0.0.1", 0, users), kafka.bootstrapServers())) {
                    assertThat(console.awaitLoaded(Duration.ofSeconds(30))).isTrue();
                    ConsoleClient duty = new ConsoleClient(console.port());
                    assertThat(duty.login("duty", "duty-pw")).isEqualTo(200);
                    try (BoardSocketClient fast = duty.board(); BoardSocketClient slow = duty.board()) {
                        await().atMost(Duration.ofSeconds(10)).until(() -> !fast.messages().isEmpty()
                                && !slow.messages().isEmpty()); // both have their (empty) snapshot
                        slow.pause();
                        // in steps the fast board takes as they come (on two busy cores a reader may otherwise fall
                        // behind a burst, and rightly be withheld from too); the paused one takes none of them
                        for (int i = 0; i < ALERTS; i++) {
                            AlertEvent e = raised("flood-" + i, "A-GT1", "ent-a", Level.ALARM, t0 + i);
                            producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, e.alertId(), WireJson.write(e)));
                            producer.send(new ProducerRecord<>(Topics.ALERTS, e.alertId(), WireJson.write(Alert.raisedBy(e))));
                            if ((i + 1) % STEP == 0) {
                                producer.flush();
                                int sent = i + 1;
                                await().atMost(Duration.ofSeconds(30)).until(() -> fast.pushedAlerts().size() >= sent);
                            }
                        }
                        producer.flush();
                        await().atMost(Duration.ofSeconds(60)).until(() -> fast.view().size() == ALERTS);
                        await().atMost(Duration.ofSeconds(30)).until(() -> console.board().list(a -> true).size() == ALERTS);
                        LiveFeedHealth whilePaused = console.liveFeed();
                        System.out.printf("slow board: %s; the fast board got %d messages%n", whilePaused,
                                fast.messages().size());
                        assertThat(whilePaused.behind()).as("the paused board is behind").isEqualTo(1);
                        assertThat(whilePaused.withheld()).isPositive();
                        // bounded: the high water mark (1 MB) and the message that crossed it (at most a snapshot's
                        // part, 200 alerts), not the flood (MBs) nor a whole snapshot of it (MBs too). The kernel's
                        // socket buffers take some of the flood while the board does not read, so the console may
                        // well have begun a snapshot for it meanwhile
                        assertThat(whilePaused.mostPendingBytes()).isLessThan(1024 * 1024 + 256 * 1024);
                        // the fast board was never behind: every alert reached it pushed one by one
                        assertThat(fast.pushedAlerts()).hasSize(ALERTS);

                        int partsBefore = slow.snapshotParts().size();
                        slow.resume();
                        await().atMost(Duration.ofSeconds(60)).until(() -> slow.view().size() == ALERTS);
                        // the whole board came in parts, none larger than its share
                        assertThat(slow.snapshotParts().size() - partsBefore).isGreaterThanOrEqualTo(ALERTS / 200);
                        assertThat(slow.snapshotParts()).allSatisfy(p -> assertThat(p.get("alerts").size())
                                .isLessThanOrEqualTo(200));
                        assertThat(slow.view().keySet()).isEqualTo(fast.view().keySet());
                        assertThat(slow.view().values()).allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("ACTIVE"));
                        LiveFeedHealth after = console.liveFeed();
                        assertThat(after.behind()).isZero();
                        assertThat(after.resyncs()).isPositive();
                        assertThat(after.mostPendingBytes()).isLessThan(1024 * 1024 + 256 * 1024);
                        assertThat(after.boards()).isEqualTo(2);
                    }
                    // a board opened on the flooded board (twelve megabytes of alerts) gets it in parts as it reads
                    // them: never more than the high water mark and a part waits for it (one message was all of it)
                    try (BoardSocketClient joining = duty.board()) {
                        await().atMost(Duration.ofSeconds(60)).until(() -> joining.view().size() == ALERTS);
                        assertThat(joining.snapshotParts()).hasSizeGreaterThanOrEqualTo(ALERTS / 200);
                        assertThat(console.liveFeed().mostPendingBytes()).isLessThan(1024 * 1024 + 256 * 1024);
                    }
                }
            }
        }
    }
}
