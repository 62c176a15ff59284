package io.parkwatch.platform.kafka;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on its own thread, from the beginning or from a point in time,
 * and keeps following it. No consumer group: each process that follows a topic (a gateway following
 * the config, a console following the alerts) must see all of it, not a share.
 *
 * <p>A record the callback cannot handle is logged and skipped; it never stops the follower.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final String topic;
    private final long fromTimestamp;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;

    /**
     * A follower that takes records in batches asks the broker to answer a fetch only once this much is there...
     * (the readings topic at 10,000 readings/s: a few fetches a second instead of one per produce request)
     */
    static final int BATCH_BYTES = 64 * 1024;
    /** ...or once this long has passed: how late it may see a record. */
    static final Duration BATCH_WAIT = Duration.ofMillis(250);

    private TopicFollower(String bootstrapServers, String topic, String clientId, long fromTimestamp, boolean inBatches,
            Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        this.topic = topic;
        this.fromTimestamp = fromTimestamp;
        this.onRecord = onRecord;
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        if (inBatches) {
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BATCH_BYTES);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) BATCH_WAIT.toMillis());
        }
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new DefaultThreadFactory(clientId, true).newThread(this::run);
    }

    /** Follows {@code topic} from its first record. */
    public static TopicFollower fromBeginning(String bootstrapServers, String topic, String clientId,
            Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        return since(bootstrapServers, topic, clientId, -1, onRecord);
    }

    /** Follows {@code topic} from the first record stamped at or after {@code epochMillis}. */
    public static TopicFollower since(String bootstrapServers, String topic, String clientId, long epochMillis,
            Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        return start(new TopicFollower(bootstrapServers, topic, clientId, epochMillis, false, onRecord));
    }

    /**
     * Follows a busy topic from the first record stamped at or after {@code epochMillis}, in batches: each record up to
     * {@link #BATCH_WAIT} late. For what shows the recent past (charts, an alarm's context), never for an alarm: the
     * broker then answers this follower a few times a second instead of after every write to the topic (at 10,000
     * readings/s the broker's CPU fell by a fifth: BENCHMARKS.md, 15).
     */
    public static TopicFollower inBatchesSince(String bootstrapServers, String topic, String clientId,
            long epochMillis, Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        return start(new TopicFollower(bootstrapServers, topic, clientId, epochMillis, true, onRecord));
    }

    private static TopicFollower start(TopicFollower f) {
        f.thread.start();
        return f;
    }

    /** Waits until every record that was in the topic when following began has been handed over. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> parts = partitions();
            if (parts.isEmpty()) {
                return; // closed before the topic came
            }
            consumer.assign(parts);
            seekToStart(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long read = 0;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    try {
                        onRecord.accept(r);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: record at offset {} of partition {} not used: {}", topic, r.offset(),
                                r.partition(), e.getMessage());
                    }
                }
                if (caughtUp.getCount() > 0 && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    LOG.info("{}: caught up after {} record(s)", topic, read);
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("{}: follower stopped: {}", topic, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * The topic's partitions, waiting while it does not exist yet (a part started before {@code parkwatch init}
     * made a topic of its version): a follower that gave up would leave its part blind for good.
     */
    private List<TopicPartition> partitions() {
        boolean told = false;
        while (running) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (!parts.isEmpty()) {
                return parts;
            }
            if (!told) {
                LOG.warn("{}: no such topic yet; waiting for it", topic);
                told = true;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private void seekToStart(List<TopicPartition> parts) {
        if (fromTimestamp < 0) {
            consumer.seekToBeginning(parts);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        parts.forEach(tp -> query.put(tp, fromTimestamp));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition tp : parts) {
            OffsetAndTimestamp at = found.get(tp);
            if (at == null) {
                consumer.seekToEnd(List.of(tp)); // nothing that recent in this partition
            } else {
                consumer.seek(tp, at.offset());
            }
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
