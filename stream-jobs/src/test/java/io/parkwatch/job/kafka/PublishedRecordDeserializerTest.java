package io.parkwatch.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PublishedRecordDeserializerTest {

    final PublishedRecordDeserializer reader = new PublishedRecordDeserializer();
    final List<Published> out = new ArrayList<>();
    final Collector<Published> collector = new Collector<>() {
        @Override
        public void collect(Published p) {
            out.add(p);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void eventsAndHoursOfQualityAreReadWhatCannotBeKeyedOrReadIsSkipped() {
        AlertEvent good = AlertEvent.builder().eventId("a1#1").alertId("a1").seq(1).type(AlertEventType.RAISED)
                .eventTime(1).build();
        read(Topics.ALERT_EVENTS, WireJson.write(good));
        read(Topics.ALERT_EVENTS, WireJson.write(AlertEvent.builder().eventId("x").type(AlertEventType.RAISED).build()));
        read(Topics.ALERT_EVENTS, "{not json".getBytes(StandardCharsets.UTF_8));
        read(Topics.ALERT_EVENTS, null);
        read(Topics.DATA_QUALITY, "{\"pointId\":\"P-1\",\"expected\":3600}".getBytes(StandardCharsets.UTF_8));
        read(Topics.READINGS, WireJson.write(good));
        assertThat(out).extracting(Published::event).containsExactly(good, null);
        assertThat(out.get(1).quality().pointId()).isEqualTo("P-1");
    }

    private void read(String topic, byte[] value) {
        reader.deserialize(new ConsumerRecord<byte[], byte[]>(topic, 0, out.size(), null, value), collector);
    }
}
