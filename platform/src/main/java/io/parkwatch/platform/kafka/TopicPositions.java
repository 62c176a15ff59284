package io.parkwatch.platform.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Where a consumer without progress of its own starts reading. */
public final class TopicPositions {

    private TopicPositions() {
    }

    /**
     * Each partition at its first record written at or after the time given for it; a partition with none that
     * recent at its end (only what comes next).
     */
    public static void seekToTimes(Consumer<?, ?> consumer, Map<TopicPartition, Long> since) {
        if (since.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(since);
        Map<TopicPartition, Long> end = consumer.endOffsets(since.keySet());
        for (TopicPartition tp : since.keySet()) {
            OffsetAndTimestamp o = found.get(tp);
            consumer.seek(tp, o != null ? o.offset() : end.get(tp));
        }
    }
}
