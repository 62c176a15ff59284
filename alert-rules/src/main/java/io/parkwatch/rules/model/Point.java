package io.parkwatch.rules.model;

import java.time.Duration;
import java.util.Map;

/**
 * A measuring point: one instrument reading one quantity at one place.
 *
 * @param id               unique point id, also the Kafka key of its readings
 * @param enterpriseId     the enterprise (plant) that owns it; its control room sees only its own points
 * @param kind             what it measures
 * @param unit             engineering unit of its values
 * @param rangeLow         instrument range, lower end (values below are a sensor fault)
 * @param rangeHigh        instrument range, upper end
 * @param expectedInterval how often the instrument is expected to report
 * @param tank             tank or process unit the point belongs to, or null
 * @param zone             detection zone (for voting between gas detectors), or null
 * @param name             human description, or null
 * @param tags             further free-form tags
 * @param logger           the data logger (or device) it reports through, or null: its enterprise's one logger
 */
public record Point(
        String id,
        String enterpriseId,
        PointKind kind,
        String unit,
        double rangeLow,
        double rangeHigh,
        Duration expectedInterval,
        String tank,
        String zone,
        String name,
        Map<String, String> tags,
        String logger) {

    public Point {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A point of its enterprise's one data logger. */
    public Point(String id, String enterpriseId, PointKind kind, String unit, double rangeLow, double rangeHigh,
            Duration expectedInterval, String tank, String zone, String name, Map<String, String> tags) {
        this(id, enterpriseId, kind, unit, rangeLow, rangeHigh, expectedInterval, tank, zone, name, tags, null);
    }

    /** The data logger it reports through: as points.yaml names it, else its enterprise (one logger each). */
    public String loggerOrEnterprise() {
        return logger != null ? logger : enterpriseId;
    }

    public double span() {
        return rangeHigh - rangeLow;
    }

    /** Whether a value is outside what the instrument can measure (a sensor fault, not a process value). */
    public boolean outOfRange(double value) {
        return value < rangeLow || value > rangeHigh;
    }

    /** A tag by name; {@code tank} and {@code zone} are tags too, so rules can select on them. */
    public String tag(String key) {
        return switch (key) {
            case "tank", "unit" -> tank;
            case "zone" -> zone;
            case "enterprise" -> enterpriseId;
            case "logger" -> loggerOrEnterprise();
            default -> tags.get(key);
        };
    }

    public String displayName() {
        return name != null ? name : id;
    }
}
