package io.parkwatch.embeddedkafka;

import io.parkwatch.platform.kafka.TopicSetup;
import io.parkwatch.platform.kafka.TopicSpec;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSetupIT {

    @TempDir
    Path dir;

    @Test
    void theTopicOutsidersCanFillIsBoundedInTimeAndSize() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, 1, Topics.isCompacted(t))).toList());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                ConfigResource rejected = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS_REJECTED);
                ConfigResource readings = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS);
                Map<ConfigResource, Config> c = admin.describeConfigs(List.of(rejected, readings)).all()
                        .get(30, TimeUnit.SECONDS);
                assertThat(c.get(rejected).get("retention.ms").value())
                        .isEqualTo(String.valueOf(TopicSetup.REJECTED_RETENTION_MS));
                assertThat(c.get(rejected).get("retention.bytes").value())
                        .isEqualTo(String.valueOf(TopicSetup.REJECTED_RETENTION_BYTES_PER_PARTITION));
                assertThat(c.get(rejected).get("max.message.bytes").value()).isEqualTo(String.valueOf(256 * 1024));
                // the readings themselves keep the broker's retention (they are the record)
                assertThat(c.get(readings).get("retention.bytes").value()).isEqualTo("-1");
            }
        }
    }
}
