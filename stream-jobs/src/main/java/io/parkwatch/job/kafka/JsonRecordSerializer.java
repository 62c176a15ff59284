package io.parkwatch.job.kafka;

import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a record as JSON to one topic, keyed by a field of it (no key when the field is empty). */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private final String topic;
    private final SerializableFunction<T, String> key;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k = key.apply(element); // none for a refusal that names no point: Kafka spreads those
        return new ProducerRecord<>(topic, k == null ? null : k.getBytes(StandardCharsets.UTF_8), WireJson.write(element));
    }
}
