package io.parkwatch.job.kafka;

import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the gateway's reading JSON. Only the gateway writes that topic, so an unreadable record is a
 * bug elsewhere: it is logged with its position (it stays in Kafka) and skipped rather than failing the job.
 */
public final class ReadingDeserializer implements KafkaRecordDeserializationSchema<Reading> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Reading> out) {
        try {
            out.collect(ReadingJson.read(record.value()));
        } catch (RuntimeException e) {
            LOG.warn("unreadable reading at {}-{} offset {} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<Reading> getProducedType() {
        return TypeInformation.of(Reading.class);
    }
}
