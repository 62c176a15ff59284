package io.parkwatch.platform.kafka;

import io.parkwatch.rules.wire.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics ParkWatch needs on a broker (embedded or a cluster); existing topics are left as they are. */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /**
     * Creates each topic that does not exist yet; compacted ones get cleanup.policy=compact.
     *
     * @param replication copies of each partition (1 for a single broker; 3 on a cluster, where
     *                    min.insync.replicas becomes 2 so that acks=all survives one broker down)
     * @return the names of the topics this call created
     */
    /** Refused readings are kept a week ... */
    public static final long REJECTED_RETENTION_MS = 7L * 24 * 3600 * 1000;
    /** ... and at most 1 GiB per partition, whichever comes first. */
    public static final long REJECTED_RETENTION_BYTES_PER_PARTITION = 1L << 30;

    public static List<String> ensure(String bootstrapServers, List<TopicSpec> topics, short replication) {
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> wanted = new ArrayList<>();
            for (TopicSpec t : topics) {
                Map<String, String> configs = new HashMap<>();
                if (t.compacted()) {
                    configs.put("cleanup.policy", "compact");
                }
                if (t.name().equals(Topics.READINGS_REJECTED)) {
                    // outsiders can fill this one (every refused payload lands here): bounded in time and size
                    configs.put("retention.ms", String.valueOf(REJECTED_RETENTION_MS));
                    configs.put("retention.bytes", String.valueOf(REJECTED_RETENTION_BYTES_PER_PARTITION));
                    configs.put("max.message.bytes", String.valueOf(256 * 1024));
                }
                if (t.name().equals(Topics.CONFIG) || t.name().equals(Topics.CONFIG_HISTORY)
                        || t.name().equals(Topics.ALERT_CONTEXTS)) {
                    configs.put("max.message.bytes", String.valueOf(ConfigTopic.MAX_DOCUMENT_BYTES));
                }
                if (t.name().equals(Topics.CONFIG_HISTORY)) {
                    configs.put("retention.ms", "-1"); // the record of every change is kept
                }
                if (replication >= 3) {
                    configs.put("min.insync.replicas", "2");
                }
                wanted.add(new NewTopic(t.name(), t.partitions(), replication).configs(configs));
            }
            admin.createTopics(wanted).values().forEach((name, f) -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(),
                                e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
        }
        if (!created.isEmpty()) {
            LOG.info("created topics {} on {}", created, bootstrapServers);
        }
        return created;
    }
}
