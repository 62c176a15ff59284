package io.parkwatch.console.notify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of deliveries: the compacted deliveries topic is the record; this keeps the latest finished
 * ones in memory (bounded) so a redelivered or duplicated event is not sent twice. Each channel commits its
 * own progress after its own record, so after a restart only the few events between a record and its
 * commit are looked up here.
 */
final class DeliveryLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Cache<String, DeliveryRecord> done;

    private final Duration recordTimeout;

    DeliveryLog(String bootstrap, int maxRemembered, Duration recordTimeout) {
        this.recordTimeout = recordTimeout;
        this.done = Caffeine.newBuilder().maximumSize(maxRemembered).build();
        // a record that cannot be written in time is a failure the worker handles (it backs off and comes
        // back), not a thread blocked for the producer's default minute
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) recordTimeout.toMillis(),
                // each record is waited for before the next delivery: lingering for a batch (5 ms by default) would
                // only add to every delivery (a flood's webhook took 30 events a second)
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        load(bootstrap);
    }

    private void load(String bootstrap) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.DELIVERIES, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.DELIVERIES, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    try {
                        DeliveryRecord d = WireJson.read(r.value(), DeliveryRecord.class);
                        if (d.done()) {
                            done.put(d.key(), d);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("notifier: unreadable delivery record at offset {}: {}", r.offset(), e.getMessage());
                    }
                }
            }
        }
        LOG.info("notifier: {} delivery record(s) from earlier runs kept in memory", done.estimatedSize());
    }

    Optional<DeliveryRecord> finished(String key) {
        return Optional.ofNullable(done.getIfPresent(key));
    }

    void record(DeliveryRecord d) {
        try {
            producer.send(new ProducerRecord<>(Topics.DELIVERIES, d.key(), WireJson.write(d)))
                    .get(recordTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording delivery " + d.key(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot record delivery " + d.key(), e);
        }
        if (d.done()) {
            done.put(d.key(), d);
        }
    }

    Map<String, DeliveryRecord> snapshot() {
        return Map.copyOf(done.asMap());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
