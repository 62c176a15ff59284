package io.parkwatch.recorder;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import io.parkwatch.rules.config.PointRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records alert events, operators' commands, risk and (on request) readings in InfluxDB, reading them from Kafka
 * at its own pace with its own consumer group. Kafka is the buffer: while the store is down the recorder holds one
 * batch, stops fetching and retries with backoff; its committed offsets move only past lines the server accepted,
 * so an outage of any length within the topics' retention loses nothing, and alerting, which reads the same topics
 * with its own progress, never waits for the store. Writing the same record twice is harmless (the tags and
 * timestamp identify a point), which is what a restart between a write and its commit does.
 *
 * <p>One thread owns the consumer. Memory is bounded by two batches whatever the outage.
 */
public final class InfluxRecorder implements AutoCloseable {

    public static final String GROUP = "parkwatch-recorder";
    private static final Logger LOG = LoggerFactory.getLogger(InfluxRecorder.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final InfluxSettings settings;
    private final RecordLines lines;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final InfluxDBClient client;
    private final WriteApiBlocking api;
    private final Thread thread;
    private final List<String> batch = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> batchEnds = new HashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile int held;
    private volatile boolean running = true;
    private volatile boolean down;
    private long batchStartedAt;
    private long backoffMs;
    private long nextAttemptAt;

    private InfluxRecorder(String kafka, String group, InfluxSettings settings, Supplier<PointRegistry> points) {
        this.settings = settings;
        this.lines = new RecordLines(points);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new recorder records what the topics still hold
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the job's exactly-once outputs count once committed; aborted attempts are not history
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.batchSize()));
        // it writes in batches anyway: the broker need not answer it after every write to the readings topic
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(64 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(Math.min(250, settings.flushInterval().toMillis())));
        // eager rebalancing: every partition is given up together and resumed from its committed offset,
        // which is what dropping an unwritten batch on a rebalance relies on
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                .url(settings.url())
                .authenticateToken(settings.token().toCharArray())
                .org(settings.org())
                .bucket(settings.bucket())
                .build());
        this.api = client.getWriteApiBlocking();
        this.thread = new Thread(this::run, "influx-recorder");
    }

    /** Starts recording; {@code points} gives the registry in force when a reading is tagged. */
    public static InfluxRecorder start(String kafka, InfluxSettings settings, Supplier<PointRegistry> points) {
        return start(kafka, GROUP, settings, points);
    }

    public static InfluxRecorder start(String kafka, String group, InfluxSettings settings,
            Supplier<PointRegistry> points) {
        InfluxRecorder r = new InfluxRecorder(kafka, group, settings, points);
        r.thread.start();
        LOG.info("recording {} in InfluxDB at {} (org {}, bucket {})", RecordLines.topics(settings.readings()),
                settings.url(), settings.org(), settings.bucket());
        return r;
    }

    /** Lines the server has accepted since start. */
    public long written() {
        return written.get();
    }

    /** Records that could not be read or that the server refused for good, since start. */
    public long skipped() {
        return skipped.get();
    }

    /** Lines read and not yet accepted by the server: never more than two batches, whatever the outage. */
    public int held() {
        return held;
    }

    /** Whether the last write failed (the store is down or refusing): the recorder is holding a batch. */
    public boolean holding() {
        return down;
    }

    private void run() {
        try {
            consumer.subscribe(RecordLines.topics(settings.readings()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // not committed, so whoever gets these partitions reads them again
                    batch.clear();
                    batchEnds.clear();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            Duration poll = Duration.ofMillis(Math.min(200, settings.flushInterval().toMillis()));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(poll)) {
                    add(r);
                }
                if (!batch.isEmpty() && System.currentTimeMillis() >= nextAttemptAt
                        && (batch.size() >= settings.batchSize()
                                || System.currentTimeMillis() - batchStartedAt >= settings.flushInterval().toMillis())) {
                    write();
                }
                held = batch.size();
                if (batch.size() >= settings.batchSize()) {
                    consumer.pause(consumer.assignment()); // a full batch waits for the server; Kafka keeps the rest
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
            }
            if (!batch.isEmpty()) {
                write(); // a clean stop leaves nothing to read again
            }
        } catch (RuntimeException e) {
            LOG.error("the InfluxDB recorder stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            client.close();
        }
    }

    private void add(ConsumerRecord<byte[], byte[]> r) {
        try {
            String line = lines.line(r.topic(), r.value());
            if (line != null) {
                if (batch.isEmpty()) {
                    batchStartedAt = System.currentTimeMillis();
                }
                batch.add(line);
            }
        } catch (RuntimeException e) {
            skipped.incrementAndGet();
            LOG.warn("recorder: unreadable record at {}-{} offset {} not recorded: {}", r.topic(), r.partition(),
                    r.offset(), e.getMessage());
        }
        batchEnds.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
    }

    /** Writes the batch and commits past it, or keeps it and backs off. */
    private void write() {
        try {
            if (!batch.isEmpty()) {
                api.writeRecords(WritePrecision.MS, batch);
            }
            written.addAndGet(batch.size());
            if (down) {
                LOG.info("recorder: InfluxDB at {} accepts writes again", settings.url());
                down = false;
            }
            backoffMs = 0;
            nextAttemptAt = 0;
        } catch (InfluxException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 429 && e.status() != 408) {
                // refused for good (bad data): holding it would stop the record for ever
                skipped.addAndGet(batch.size());
                LOG.error("recorder: InfluxDB refused {} line(s) ({}), not recorded; first: {}", batch.size(),
                        e.getMessage(), batch.get(0));
            } else {
                failed(e);
                return;
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        try {
            consumer.commitSync(batchEnds);
        } catch (org.apache.kafka.common.KafkaException e) {
            // a rebalance or a lost coordinator: these lines are written again later, which is harmless
            LOG.info("recorder: offsets not committed ({}); the lines will be written again", e.toString());
        }
        batch.clear();
        batchEnds.clear();
    }

    private void failed(Exception e) {
        backoffMs = backoffMs == 0 ? 500 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        nextAttemptAt = System.currentTimeMillis() + backoffMs;
        if (!down) {
            LOG.warn("recorder: cannot write to InfluxDB at {} ({}); holding {} line(s) and reading no further "
                    + "(Kafka keeps the rest), retrying with backoff", settings.url(), e.getMessage(), batch.size());
            down = true;
        } else {
            LOG.debug("recorder: InfluxDB still unavailable, next try in {} ms", backoffMs);
        }
    }

    /** Writes what it holds (if the server takes it), commits and stops. */
    @Override
    public void close() {
        running = false; // the loop polls at most 200 ms at a time
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
