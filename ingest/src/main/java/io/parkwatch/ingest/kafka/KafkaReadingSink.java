package io.parkwatch.ingest.kafka;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.ingest.net.Backpressure;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.ReadingStats;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RejectedReading;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces accepted readings to {@code parkwatch.readings} (key = point id, so a point's readings
 * stay ordered), interval statistics to {@code parkwatch.readings.stats} and refusals to
 * {@code parkwatch.readings.rejected}, with acks=all and idempotence.
 *
 * <p>{@code send()} can block (metadata refresh, full buffer) while Kafka is unreachable, so it runs
 * on one dedicated thread, never on a network event loop; one thread also keeps the send order.
 */
public final class KafkaReadingSink implements ReadingSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReadingSink.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;
    private final Backpressure backpressure;
    private final GatewayMetrics metrics;

    public KafkaReadingSink(String bootstrapServers, Duration deliveryTimeout, Map<String, Object> overrides) {
        this(bootstrapServers, deliveryTimeout, overrides, new Backpressure(Long.MAX_VALUE, Long.MAX_VALUE - 1),
                new GatewayMetrics());
    }

    /**
     * @param backpressure told of every record taken and done, so device reads pause while too many wait
     * @param metrics      Kafka produce latency
     */
    public KafkaReadingSink(String bootstrapServers, Duration deliveryTimeout, Map<String, Object> overrides,
            Backpressure backpressure, GatewayMetrics metrics) {
        this.backpressure = backpressure;
        this.metrics = metrics;
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        int timeout = (int) deliveryTimeout.toMillis();
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "parkwatch-gateway");
        p.putAll(overrides);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100_000),
                new DefaultThreadFactory("gateway-kafka-send", true));
    }

    @Override
    public CompletableFuture<Void> write(IntakeResult result) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int records = result.records();
        long start = System.nanoTime();
        backpressure.taken(records);
        done.whenComplete((v, e) -> {
            backpressure.done(records);
            if (e == null && records > 0) {
                metrics.kafkaProduced(start);
            }
        });
        try {
            sender.execute(() -> send(result, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("gateway send queue is full", e));
        }
        return done;
    }

    private void send(IntakeResult result, CompletableFuture<Void> done) {
        int total = result.records();
        if (total == 0) {
            done.complete(null);
            return;
        }
        PayloadStored acks = new PayloadStored(total, done);
        try {
            for (Reading r : result.accepted()) {
                producer.send(new ProducerRecord<>(Topics.READINGS, r.pointId(), ReadingJson.write(r)), acks);
            }
            for (ReadingStats st : result.stats()) {
                producer.send(new ProducerRecord<>(Topics.READINGS_STATS, st.pointId(), WireJson.write(st)), acks);
            }
            for (RejectedReading r : result.rejected()) {
                String key = r.pointId() != null ? r.pointId() : r.topic();
                producer.send(new ProducerRecord<>(Topics.READINGS_REJECTED, key, WireJson.write(r)), acks);
            }
        } catch (RuntimeException e) {
            LOG.warn("Kafka did not take {} record(s): {}", total, e.toString());
            done.completeExceptionally(e);
        }
    }

    /**
     * One payload's records: done when Kafka has stored every one of them, failed at the first that it could not. One
     * callback for the payload's records, not a future per record (a batch of 100 readings made 101 futures).
     */
    private static final class PayloadStored implements Callback {
        private final AtomicInteger left;
        private final CompletableFuture<Void> done;

        PayloadStored(int records, CompletableFuture<Void> done) {
            this.left = new AtomicInteger(records);
            this.done = done;
        }

        @Override
        public void onCompletion(RecordMetadata stored, Exception e) {
            if (e != null) {
                done.completeExceptionally(e); // the first failure decides; what completes later changes nothing
            } else if (left.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }

    /** Waits until Kafka answers for the readings topic, so the gateway starts only when it can deliver. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                producer.partitionsFor(Topics.READINGS);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka is not reachable for topic " + Topics.READINGS, e);
                }
                LOG.info("waiting for Kafka: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
