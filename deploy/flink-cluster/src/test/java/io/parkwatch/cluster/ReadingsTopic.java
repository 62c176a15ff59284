package io.parkwatch.cluster;

import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a failure test compares against: everything on parkwatch.readings, in the order the job read it. */
final class ReadingsTopic {

    private ReadingsTopic() {
    }

    /**
     * parkwatch.readings in time order, each point's readings in the order of its partition (as the job
     * read them); one partition after another would make the later ones late.
     */
    static List<Reading> inReadOrder(String bootstrap) {
        try (TopicRecorder r = new TopicRecorder(bootstrap, Topics.READINGS)) {
            r.drain(Duration.ofSeconds(60));
            return r.records().stream()
                    .map(c -> Map.entry(c, ReadingJson.read(c.value())))
                    .sorted(Comparator.<Map.Entry<ConsumerRecord<String, byte[]>, Reading>>comparingLong(e -> e.getValue()
                            .timestamp()).thenComparingInt(e -> e.getKey().partition()).thenComparingLong(e -> e.getKey().offset()))
                    .map(Map.Entry::getValue).toList();
        }
    }
}
