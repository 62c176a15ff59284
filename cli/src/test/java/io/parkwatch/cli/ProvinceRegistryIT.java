package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.ConfigFollower;
import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.simulator.load.LoadPark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A points registry past the 16 MB the config topic takes, applied with {@code parkwatch points apply} to a real broker
 * and read back by everything that follows the topic; a document too large even compressed is refused with its size.
 */
class ProvinceRegistryIT {

    /** 26 MB of YAML: more than the config topic took as one record before documents were gzipped. */
    static final int POINTS = 250_000;

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("try") // the follower works in its own thread while it is open
    void aRegistryPastSixteenMegabytesIsAppliedAndFollowedAndOneThatDoesNotCompressIsRefused() throws Exception {
        Path park = tmp.resolve("park");
        LoadPark.write(park, POINTS, 1);
        String registry = Files.readString(park.resolve("points.yaml"));
        assertThat(registry.length()).isGreaterThan(ConfigTopic.MAX_DOCUMENT_BYTES);
        try (EmbeddedKafka kafka = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 1), Topics.isCompacted(t)))
                    .toList());
            String bootstrap = kafka.bootstrapServers();
            ConfigTopic.publish(bootstrap, new ConfigDocument(ConfigDocument.RULES,
                    Files.readString(park.resolve("rules.yaml")), "rules.yaml", System.currentTimeMillis()));

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(ConfigFiles.apply(ConfigDocument.POINTS, park.resolve("points.yaml"), bootstrap, "province",
                    new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Applied", POINTS + " points");

            assertThat(ConfigTopic.latest(bootstrap).get(ConfigDocument.POINTS).yaml()).isEqualTo(registry);
            assertThat(ConfigTopic.history(bootstrap, ConfigDocument.POINTS)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("province"));
            AtomicReference<ConfigDocument> followed = new AtomicReference<>();
            try (ConfigFollower follower = new ConfigFollower(bootstrap, d -> {
                        if (d.kind().equals(ConfigDocument.POINTS)) {
                            followed.set(d);
                        }
                    });
                    TopicRecorder config = new TopicRecorder(bootstrap, Topics.CONFIG)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> followed.get() != null);
                assertThat(followed.get().yaml()).isEqualTo(registry);
                await().atMost(Duration.ofSeconds(30)).until(() -> config.records().stream()
                        .anyMatch(r -> r.key().equals(ConfigDocument.POINTS)));
                ConsumerRecord<String, byte[]> record = config.records().stream()
                        .filter(r -> r.key().equals(ConfigDocument.POINTS)).findFirst().orElseThrow();
                assertThat(record.value()[0] & 0xff).as("gzip's first byte").isEqualTo(0x1f);
                assertThat(record.value().length).isLessThan(registry.length() / 8);
            }

            // what does not compress under the limit is refused before anything is sent; the registry stays in force
            byte[] noise = new byte[ConfigTopic.MAX_DOCUMENT_BYTES + (1 << 20)];
            new Random(1).nextBytes(noise);
            String incompressible = "points: []\n# " + Base64.getEncoder().encodeToString(noise) + "\n";
            assertThatThrownBy(() -> ConfigTopic.publish(bootstrap, new ConfigDocument(ConfigDocument.POINTS,
                    incompressible, "noise.yaml", System.currentTimeMillis())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the points document is")
                    .hasMessageContaining("bytes compressed, more than the " + ConfigTopic.MAX_DOCUMENT_BYTES);
            assertThat(ConfigTopic.latest(bootstrap).get(ConfigDocument.POINTS).source()).isEqualTo("points.yaml");
            assertThat(ConfigTopic.history(bootstrap, ConfigDocument.POINTS)).hasSize(1);
        }
    }
}
