package io.parkwatch.job.kafka;

import io.parkwatch.rules.wire.ReadingJson;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the gateway's reading JSON. The gateway refuses at the door whatever this could not read, so an
 * unreadable record means another writer: it becomes a refusal for the rejected topic (reason UNREADABLE,
 * with its position and bytes), never a silent skip, and never a failed job.
 */
public final class ReadingDeserializer implements KafkaRecordDeserializationSchema<IncomingReading> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IncomingReading> out) {
        try {
            out.collect(IncomingReading.of(ReadingJson.read(record.value())));
        } catch (RuntimeException e) {
            String where = record.topic() + "-" + record.partition() + " offset " + record.offset();
            LOG.warn("unreadable reading at {}: {} (to the rejected topic)", where, e.getMessage());
            out.collect(IncomingReading.unreadable(record.value(), String.valueOf(e.getMessage()), where,
                    record.timestamp()));
        }
    }

    @Override
    public TypeInformation<IncomingReading> getProducedType() {
        return TypeInformation.of(IncomingReading.class);
    }
}
