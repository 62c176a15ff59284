package io.parkwatch.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic once, from the first record written at or after a time to the end it had when reading began (a
 * report, not a follower): no consumer group, nothing committed.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * @param progress told the number of records read so far, every 100,000
     * @throws IllegalStateException when the end is not reached within {@code limit}
     */
    public static long read(String bootstrap, String topic, long since, Duration limit,
            Consumer<ConsumerRecord<String, byte[]>> each, LongConsumer progress) {
        long n = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            TopicPositions.seekToTimes(c, parts.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                    tp -> since)));
            long deadline = System.nanoTime() + limit.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + limit);
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                        if (++n % 100_000 == 0) {
                            progress.accept(n);
                        }
                    }
                }
            }
        }
        return n;
    }
}
