package io.parkwatch.platform.kafka;

import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.ConfigRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The configuration in force, as the compacted config topic holds it: the latest document of each kind.
 * Read by everything that starts against a running system (the job, a gateway, the apply command).
 */
public final class ConfigTopic {

    /** Largest configuration document (after compression) the topic and the producer accept. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** Room left in a record for its key, headers and batch framing. */
    private static final int RECORD_OVERHEAD_BYTES = 4096;

    private ConfigTopic() {
    }

    public static Map<String, ConfigDocument> latest(String bootstrap) {
        Map<String, ConfigDocument> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.CONFIG, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.CONFIG, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CONFIG + " to its end within 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        ConfigDocument d = ConfigRecord.read(r.value());
                        out.put(d.kind(), d);
                    }
                }
            }
        }
        return out;
    }

    public static void publish(String bootstrap, ConfigDocument doc) throws Exception {
        // A province's point registry is a hundred megabytes of YAML: gzipped in the record (ConfigRecord), so that
        // what the producer and the topic limit is the compressed size.
        byte[] value = ConfigRecord.write(doc);
        if (value.length > MAX_DOCUMENT_BYTES - RECORD_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("the " + doc.kind() + " document is " + value.length
                    + " bytes compressed, more than the " + MAX_DOCUMENT_BYTES + " bytes the config topic takes");
        }
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_DOCUMENT_BYTES), new StringSerializer(), new ByteArraySerializer())) {
            // the version is kept in the history before it is in force: nothing in force without its record
            p.send(new ProducerRecord<>(Topics.CONFIG_HISTORY, doc.kind(), value)).get(30, TimeUnit.SECONDS);
            p.send(new ProducerRecord<>(Topics.CONFIG, doc.kind(), value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every version of one kind of document ever applied, oldest first (version 1 is the first). */
    public static List<ConfigDocument> history(String bootstrap, String kind) {
        List<ConfigDocument> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_DOCUMENT_BYTES,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.CONFIG_HISTORY, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.CONFIG_HISTORY, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CONFIG_HISTORY + " to its end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (kind.equals(r.key())) {
                        out.add(ConfigRecord.read(r.value()));
                    }
                }
            }
        }
        return out;
    }
}
