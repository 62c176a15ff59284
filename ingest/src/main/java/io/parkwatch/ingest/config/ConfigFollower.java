package io.parkwatch.ingest.config;

import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted config topic from its beginning and hands every document to a callback, so a
 * gateway picks up a new point registry without a restart (the job does the same through broadcast state).
 */
public final class ConfigFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConfigDocument> onDocument;
    private final Thread thread;
    private volatile boolean running = true;

    public ConfigFollower(String bootstrapServers, Consumer<ConfigDocument> onDocument) {
        this.onDocument = onDocument;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "parkwatch-config-follower"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "config-follower");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.CONFIG, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(Topics.CONFIG, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        onDocument.accept(WireJson.read(r.value(), ConfigDocument.class));
                    } catch (RuntimeException e) {
                        LOG.warn("configuration document at offset {} not used: {}", r.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("config follower stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
