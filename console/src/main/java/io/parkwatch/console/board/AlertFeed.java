package io.parkwatch.console.board;

import io.parkwatch.platform.kafka.TopicFollower;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;

/**
 * Reads the compacted alerts topic from its beginning into the board, then follows it. Every console
 * reads everything: each one must show the whole current state.
 */
public final class AlertFeed implements AutoCloseable {

    private final TopicFollower follower;

    public AlertFeed(String bootstrapServers, AlertBoard board) {
        this.follower = TopicFollower.fromBeginning(bootstrapServers, Topics.ALERTS, "parkwatch-console-alerts", r -> {
            if (r.value() != null) { // null: tombstone
                board.update(WireJson.alert(r.value()));
            }
        });
    }

    /** Waits until the alerts that existed at start are on the board. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        follower.close();
    }
}
