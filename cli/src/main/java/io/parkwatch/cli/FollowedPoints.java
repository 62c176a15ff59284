package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigFollower;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The point registry in force, following the config topic: a part picks up new points without a restart, and a
 * registry that does not read is refused with its reasons while the previous one stays.
 */
final class FollowedPoints implements Supplier<PointRegistry>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedPoints.class);

    private final String part;
    private final AtomicReference<PointRegistry> points;
    private final ConfigFollower follower;

    FollowedPoints(String part, String kafka, PointRegistry inForce) {
        this.part = part;
        this.points = new AtomicReference<>(inForce);
        this.follower = new ConfigFollower(kafka, this::onConfig);
    }

    private void onConfig(ConfigDocument doc) {
        if (!ConfigDocument.POINTS.equals(doc.kind())) {
            return;
        }
        try {
            PointRegistry next = PointRegistryFile.parse(YamlSource.parse(doc.source(), doc.yaml()));
            if (points.getAndSet(next) != next) {
                LOG.info("{}: point registry from {} in use ({} points)", part, doc.source(), next.points().size());
            }
        } catch (ConfigException e) {
            LOG.error("{}: point registry from {} refused, previous one stays:\n{}", part, doc.source(), e.getMessage());
        }
    }

    @Override
    public PointRegistry get() {
        return points.get();
    }

    @Override
    public void close() {
        follower.close();
    }
}
