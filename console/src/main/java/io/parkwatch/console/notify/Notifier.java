package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to people's channels. Each delivery (event x channel) is retried with backoff
 * and recorded on the compacted deliveries topic (delivered / failed / gave up); the event's offset is
 * committed only once all its deliveries are recorded. After a restart, recorded deliveries are not
 * repeated and unrecorded ones are not lost. Duplicated events (same id) are delivered once.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final List<Channel> channels;
    private final int maxAttempts;
    private final long backoffMs;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> records;
    private final Map<String, DeliveryRecord> done = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public Notifier(String bootstrap, String group, List<Channel> channels, int maxAttempts, Duration backoff) {
        this.channels = List.copyOf(channels);
        this.maxAttempts = maxAttempts;
        this.backoffMs = backoff.toMillis();
        this.records = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        loadRecords(bootstrap);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "notifier");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("notifier: {} channel(s): {}", channels.size(), channels.stream().map(Channel::name).toList());
    }

    /** What was recorded so far, by delivery key. */
    public synchronized Map<String, DeliveryRecord> recorded() {
        return Map.copyOf(done);
    }

    private void loadRecords(String bootstrap) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.DELIVERIES, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.DELIVERIES, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    DeliveryRecord d = WireJson.read(r.value(), DeliveryRecord.class);
                    if (d.done()) {
                        done.put(d.key(), d);
                    }
                }
            }
        }
        LOG.info("notifier: {} delivery record(s) from earlier runs", done.size());
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERT_EVENTS));
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : batch) {
                    AlertEvent e;
                    try {
                        e = WireJson.alertEvent(r.value());
                    } catch (RuntimeException ex) {
                        LOG.warn("notifier: unreadable event at offset {}: {}", r.offset(), ex.getMessage());
                        continue;
                    }
                    for (Channel ch : channels) {
                        if (running && ch.accepts(e)) {
                            deliver(ch, e);
                        }
                    }
                    if (!running) {
                        return; // not committed: the next run delivers what is not recorded
                    }
                    consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()),
                            new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("notifier stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(Channel ch, AlertEvent e) {
        String key = ch.name() + "|" + e.eventId();
        synchronized (this) {
            if (done.containsKey(key)) {
                return; // delivered (or given up) before: never twice
            }
        }
        String error = null;
        for (int attempt = 1; attempt <= maxAttempts && running; attempt++) {
            try {
                ch.deliver(e);
                record(new DeliveryRecord(ch.name(), e.eventId(), e.alertId(), DeliveryRecord.DELIVERED, attempt, error,
                        System.currentTimeMillis()));
                return;
            } catch (Exception ex) {
                error = ex.getMessage();
                record(new DeliveryRecord(ch.name(), e.eventId(), e.alertId(), DeliveryRecord.FAILED, attempt, error,
                        System.currentTimeMillis()));
                LOG.warn("notifier: {} attempt {} for event {} failed: {}", ch.name(), attempt, e.eventId(), error);
                sleep(backoffMs << Math.min(attempt - 1, 6));
            }
        }
        if (running) {
            record(new DeliveryRecord(ch.name(), e.eventId(), e.alertId(), DeliveryRecord.GAVE_UP, maxAttempts, error,
                    System.currentTimeMillis()));
            LOG.error("notifier: gave up delivering event {} on {} after {} attempts: {}", e.eventId(), ch.name(),
                    maxAttempts, error);
        }
    }

    private void record(DeliveryRecord d) {
        try {
            records.send(new ProducerRecord<>(Topics.DELIVERIES, d.key(), WireJson.write(d))).get(30, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("cannot record delivery " + d.key(), ex);
        }
        if (d.done()) {
            synchronized (this) {
                done.put(d.key(), d);
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms); // backoff between attempts, on the notifier's own thread
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        records.close(Duration.ofSeconds(5));
        for (Channel c : channels) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", c.name(), e.toString());
            }
        }
    }
}
