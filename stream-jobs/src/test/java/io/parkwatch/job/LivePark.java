package io.parkwatch.job;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Every point of a registry reporting every 500 ms in real time, straight to the readings topic: quiet
 * values by default, set ones where a test wants an incident, silent enterprises where it wants silence.
 */
final class LivePark implements AutoCloseable {

    final Set<String> silentEnterprises = ConcurrentHashMap.newKeySet();
    final Map<String, Double> values = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    LivePark(String bootstrap, PointRegistry registry) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
        clock.scheduleAtFixedRate(() -> {
            long now = System.currentTimeMillis();
            for (Point p : registry.points()) {
                if (silentEnterprises.contains(p.enterpriseId())) {
                    continue;
                }
                double v = values.getOrDefault(p.id(), p.rangeLow() + p.span() * (p.kind().isGas() ? 0.02 : 0.3));
                producer.send(new ProducerRecord<>(Topics.READINGS, p.id(),
                        ReadingJson.write(new Reading(p.id(), p.enterpriseId(), now, v, Quality.N, now))));
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Publishes any record (e.g. a configuration document) with the same producer. */
    void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        producer.close();
    }
}
