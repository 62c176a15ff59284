package io.parkwatch.job.kafka;

import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.wire.WireJson;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads operator commands; an unreadable one is logged with its position (it stays on the topic). */
public final class AlertCommandDeserializer implements KafkaRecordDeserializationSchema<AlertCommand> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCommandDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AlertCommand> out) {
        try {
            AlertCommand c = WireJson.read(record.value(), AlertCommand.class);
            if (c.commandId() == null || c.type() == null || c.alertId() == null || c.user() == null || c.role() == null) {
                throw new IllegalArgumentException("a command needs commandId, type, alertId, user and role");
            }
            out.collect(c);
        } catch (RuntimeException e) {
            LOG.warn("unreadable command at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<AlertCommand> getProducedType() {
        return TypeInformation.of(AlertCommand.class);
    }
}
