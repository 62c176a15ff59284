package io.parkwatch.job;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.wire.ConfigDocument;
import java.time.Instant;
import org.apache.flink.api.common.state.BroadcastState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a configuration document to broadcast state, or refuses it (the old configuration stays). */
final class ConfigUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigUpdates.class);

    private ConfigUpdates() {
    }

    static void apply(ParkConfig initial, BroadcastState<String, byte[]> state, ConfigDocument doc, boolean log)
            throws Exception {
        // each stored document inflated once: the registry of a large park is megabytes
        ParkConfig before = EngineHolder.merge(initial, ConfigState.texts(state.entries()));
        if (state.contains(doc.kind()) && doc.yaml().equals(before.yaml(doc.kind()))) {
            return; // already in force (e.g. re-read after a restart)
        }
        try {
            EngineHolder.accept(before, doc);
        } catch (ConfigException | IllegalArgumentException e) {
            if (log) {
                LOG.error("refused {} from {} (published {}); the previous configuration stays in force:\n{}",
                        doc.kind(), doc.source(), Instant.ofEpochMilli(doc.publishedAt()), e.getMessage());
            }
            return;
        }
        state.put(doc.kind(), ConfigState.deflate(doc.yaml()));
        boolean same = doc.yaml().equals(before.yaml(doc.kind()));
        if (log && !same) {
            LOG.info("applied new {} from {} (published {})", doc.kind(), doc.source(), Instant.ofEpochMilli(doc.publishedAt()));
        }
    }
}
