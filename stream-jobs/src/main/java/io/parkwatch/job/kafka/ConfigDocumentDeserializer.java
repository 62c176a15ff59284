package io.parkwatch.job.kafka;

import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.ConfigRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads configuration documents; an unreadable record is logged with its position and skipped. */
public final class ConfigDocumentDeserializer implements KafkaRecordDeserializationSchema<ConfigDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigDocumentDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ConfigDocument> out) {
        if (record.value() == null) {
            return; // tombstone
        }
        try {
            out.collect(ConfigRecord.read(record.value()));
        } catch (RuntimeException e) {
            LOG.warn("unreadable configuration document at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<ConfigDocument> getProducedType() {
        return TypeInformation.of(ConfigDocument.class);
    }
}
