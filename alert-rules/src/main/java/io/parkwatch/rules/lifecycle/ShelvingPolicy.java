package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long an operator may shelve an alarm of each level (ISA-18.2 asks for a maximum: a shelved alarm must
 * come back). Level-2 gas alarms may never be shelved, whatever this says.
 *
 * @param maxByLevel the longest shelving per level
 */
public record ShelvingPolicy(Map<Level, Duration> maxByLevel) {

    /** Engineering defaults: a pre-alarm for a shift, a level-1 alarm for half a shift, a level-2 for an hour. */
    public static final ShelvingPolicy DEFAULT = new ShelvingPolicy(Map.of(Level.WARN, Duration.ofHours(8),
            Level.ALARM, Duration.ofHours(4), Level.CRITICAL, Duration.ofHours(1)));

    public ShelvingPolicy {
        Map<Level, Duration> all = new EnumMap<>(Level.class);
        all.putAll(DEFAULT == null ? Map.of() : DEFAULT.maxByLevel());
        all.putAll(maxByLevel);
        maxByLevel = Map.copyOf(all);
    }

    public Duration max(Level level) {
        return maxByLevel.get(level == null ? Level.WARN : level);
    }
}
