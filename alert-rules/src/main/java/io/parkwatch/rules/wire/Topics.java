package io.parkwatch.rules.wire;

import java.util.List;

/** The Kafka topics that connect the ParkWatch components (the README's picture shows who writes and reads each). */
public final class Topics {

    /** One JSON reading per record, key = point id. */
    public static final String READINGS = "parkwatch.readings";
    /** HJ 212 minute, hour and day statistics (avg, min, max), key = point id: stored, not evaluated by rules. */
    public static final String READINGS_STATS = "parkwatch.readings.stats";
    /** The raw input of each refused reading with a machine-readable reason. */
    public static final String READINGS_REJECTED = "parkwatch.readings.rejected";
    /** Compacted: rules, point registry, maintenance windows, contacts. */
    public static final String CONFIG = "parkwatch.config";
    /** Every alert life-cycle event, key = alert id. */
    public static final String ALERT_EVENTS = "parkwatch.alert-events";
    /** Compacted: the current state of each alert, key = alert id. */
    public static final String ALERTS = "parkwatch.alerts";
    /** Operator commands (acknowledge, close, maintenance). */
    public static final String COMMANDS = "parkwatch.commands";
    /** Compacted: the notifier's record of each delivery (key = channel and event id). */
    public static final String DELIVERIES = "parkwatch.deliveries";

    /**
     * Every configuration document ever applied, in order, kept for good (management of change): who applied it,
     * when and why. The compacted config topic keeps only the latest of each kind.
     */
    public static final String CONFIG_HISTORY = "parkwatch.config-history";

    /** Compacted: each alarm's context (its point's and neighbours' readings around it), key = alert id. */
    public static final String ALERT_CONTEXTS = "parkwatch.alert-contexts";

    /** Incidents' steps (alarms grouped by topology and time, with their first-out), key = incident id. */
    public static final String INCIDENTS = "parkwatch.incidents";

    /** Compacted: each enterprise's and the park's live risk level (colour, score, reasons), key = subject. */
    public static final String RISK = "parkwatch.risk";

    /** Risk warnings (风险预警): every change of an enterprise's or the park's colour, key = subject. */
    public static final String RISK_WARNINGS = "parkwatch.risk-warnings";

    /** Each point's data quality per hour (online rate, completeness, timeliness, abnormal share), key = point. */
    public static final String DATA_QUALITY = "parkwatch.data-quality";

    public static final List<String> ALL = List.of(READINGS, READINGS_STATS, READINGS_REJECTED, CONFIG, ALERT_EVENTS, ALERTS, COMMANDS,
            DELIVERIES, CONFIG_HISTORY, ALERT_CONTEXTS, INCIDENTS, RISK, RISK_WARNINGS, DATA_QUALITY);

    private Topics() {
    }

    public static boolean isCompacted(String topic) {
        return topic.equals(CONFIG) || topic.equals(ALERTS) || topic.equals(DELIVERIES) || topic.equals(ALERT_CONTEXTS)
                || topic.equals(RISK);
    }

    /** Topics keyed by point or alert get the given partitions; the low-volume ones one partition. */
    public static int partitions(String topic, int keyedPartitions) {
        return switch (topic) {
            case READINGS, READINGS_STATS, ALERT_EVENTS, ALERTS -> keyedPartitions;
            default -> 1;
        };
    }
}
