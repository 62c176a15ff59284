package io.parkwatch.console.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to people's channels, each channel on its own ({@link ChannelWorker}): its own
 * consumer group and progress, its own thread, a time limit per attempt, its own retries with backoff. A
 * channel that is down, slow or hangs never delays another one: SMS and voice to the responsible persons
 * never wait behind a webhook. Each delivery (event x channel) is recorded on the compacted deliveries
 * topic (delivered / failed / gave up) before the channel commits the event, so a restart neither loses nor
 * repeats; duplicated events (same id) are delivered once.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final DeliveryLog log;
    private final List<ChannelWorker> workers = new ArrayList<>();
    private final ChannelLag lag;

    public Notifier(NotifierSettings settings, List<Channel> channels) {
        this(settings, channels, null);
    }

    /**
     * @param incidents what the console knows of incidents: while an enterprise is in flood, people's channels tell
     *                  once per incident and then at most once per {@code settings.floodDigestEvery()}; null: never
     */
    public Notifier(NotifierSettings settings, List<Channel> channels, FloodFolding.Incidents incidents) {
        this.log = new DeliveryLog(settings.bootstrap(), settings.maxRemembered(), settings.attemptTimeout().multipliedBy(3));
        this.lag = new ChannelLag(settings);
        Map<TopicPartition, OffsetAndMetadata> legacy = sharedGroupProgress(settings);
        for (Channel c : channels) {
            workers.add(new ChannelWorker(c, settings, log, legacy, incidents == null ? null
                    : new FloodFolding(incidents, settings.floodDigestEvery(), System::currentTimeMillis)));
        }
        LOG.info("notifier: {} channel(s), each with its own queue and worker: {}", channels.size(),
                channels.stream().map(Channel::name).toList());
    }

    /** Where the notifier of earlier versions (one group for all channels) stood, if it ever ran. */
    private static Map<TopicPartition, OffsetAndMetadata> sharedGroupProgress(NotifierSettings s) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(s.group())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets == null ? Map.of() : Map.copyOf(offsets);
        } catch (Exception e) {
            LOG.debug("notifier: no progress of a shared group {}: {}", s.group(), e.toString());
            return Map.of();
        }
    }

    /** What was recorded so far (the latest finished deliveries, bounded), by delivery key. */
    public Map<String, DeliveryRecord> recorded() {
        return log.snapshot();
    }

    /** Each channel's health, in configuration order. */
    public List<ChannelHealth> health() {
        Map<String, Long> waiting = lag.byChannel(workers.stream().map(ChannelWorker::name).toList());
        return workers.stream().map(w -> w.health(waiting.getOrDefault(w.name(), 0L))).toList();
    }

    @Override
    public void close() {
        workers.parallelStream().forEach(ChannelWorker::close);
        lag.close();
        log.close();
    }
}
