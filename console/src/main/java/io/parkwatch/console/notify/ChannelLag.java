package io.parkwatch.console.notify;

import io.parkwatch.rules.wire.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many alert events wait for each channel: the topic's end minus the channel's committed progress,
 * asked of Kafka (not of the channel's own consumer, which is busy, or hung, exactly when this matters).
 * Refreshed at most every two seconds, whoever asks (the console, a Prometheus scrape).
 */
final class ChannelLag implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelLag.class);
    private static final long REFRESH_MS = 2000;

    private final NotifierSettings settings;
    private final Admin admin;
    private Map<String, Long> last = Map.of();
    private long at;

    ChannelLag(NotifierSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000));
    }

    synchronized Map<String, Long> byChannel(List<String> channels) {
        if (System.currentTimeMillis() - at < REFRESH_MS) {
            return last;
        }
        try {
            List<TopicPartition> parts = admin.describeTopics(List.of(Topics.ALERT_EVENTS)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(Topics.ALERT_EVENTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.ALERT_EVENTS, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    parts.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all()
                    .get(5, TimeUnit.SECONDS);
            Map<String, Long> out = new HashMap<>();
            for (String ch : channels) {
                Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(settings.groupOf(ch))
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                long waiting = 0;
                for (TopicPartition tp : parts) {
                    OffsetAndMetadata c = done == null ? null : done.get(tp);
                    waiting += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
                }
                out.put(ch, waiting);
            }
            last = Map.copyOf(out);
            at = System.currentTimeMillis();
        } catch (Exception e) {
            LOG.debug("notifier: consumer lag not available now: {}", e.toString());
        }
        return last;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
