package io.parkwatch.platform.kafka;

import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.ConfigRecord;
import java.util.function.Consumer;

/**
 * Follows the compacted config topic from its beginning and hands every document to a callback, so a
 * gateway (or a console) picks up a new point registry without a restart (the job does the same
 * through broadcast state).
 */
public final class ConfigFollower implements AutoCloseable {

    private final TopicFollower follower;

    public ConfigFollower(String bootstrapServers, Consumer<ConfigDocument> onDocument) {
        this.follower = TopicFollower.fromBeginning(bootstrapServers, Topics.CONFIG, "parkwatch-config-follower", r -> {
            if (r.value() != null) {
                onDocument.accept(ConfigRecord.read(r.value()));
            }
        });
    }

    @Override
    public void close() {
        follower.close();
    }
}
