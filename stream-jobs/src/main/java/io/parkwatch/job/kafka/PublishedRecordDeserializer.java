package io.parkwatch.job.kafka;

import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back what the job itself published (alert events, points' hours of data quality) as {@link Published}; a
 * record that does not read is logged with its topic and position and skipped (it stays on the topic).
 */
public final class PublishedRecordDeserializer implements KafkaRecordDeserializationSchema<Published> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedRecordDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Published> out) {
        if (record.value() == null) {
            return;
        }
        try {
            switch (record.topic()) {
                case Topics.ALERT_EVENTS -> {
                    AlertEvent e = WireJson.alertEvent(record.value());
                    if (e.alertId() == null || e.eventId() == null) {
                        // the analyses key by alert id and keep each event once by its id: without them, nowhere
                        throw new IllegalArgumentException("an alert event needs alertId and eventId");
                    }
                    out.collect(Published.of(e));
                }
                case Topics.DATA_QUALITY -> out.collect(Published.of(WireJson.read(record.value(), PointQuality.class)));
                default -> LOG.warn("record of {} at offset {} not expected here", record.topic(), record.offset());
            }
        } catch (RuntimeException e) {
            LOG.warn("unreadable record of {} at offset {}: {}", record.topic(), record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<Published> getProducedType() {
        return TypeInformation.of(Published.class);
    }

}
