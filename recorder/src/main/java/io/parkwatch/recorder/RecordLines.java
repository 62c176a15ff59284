package io.parkwatch.recorder;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which topics are recorded, and each record of them as an InfluxDB line. Readings are tagged with what the
 * registry in force knows of their point (kind, tank, zone, logger), so a dashboard can select "all combustible
 * gas detectors of tank T-101" without a join.
 */
final class RecordLines {

    private final Supplier<PointRegistry> points;

    RecordLines(Supplier<PointRegistry> points) {
        this.points = points;
    }

    /** The topics recorded: what happened to alarms and risk always, the readings on request. */
    static List<String> topics(boolean readings) {
        List<String> always = List.of(Topics.ALERT_EVENTS, Topics.COMMANDS, Topics.RISK, Topics.RISK_WARNINGS);
        return readings ? java.util.stream.Stream.concat(always.stream(), java.util.stream.Stream.of(Topics.READINGS))
                .toList() : always;
    }

    /**
     * The line for a record, or null for a record with nothing to record (a compacted topic's tombstone).
     *
     * @throws RuntimeException when the record cannot be read
     */
    String line(String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        return switch (topic) {
            case Topics.READINGS -> {
                var r = ReadingJson.read(value);
                yield LineProtocol.reading(r, points.get().point(r.pointId()).orElse(null));
            }
            case Topics.ALERT_EVENTS -> LineProtocol.alertEvent(WireJson.alertEvent(value));
            case Topics.COMMANDS -> LineProtocol.alertCommand(WireJson.read(value, AlertCommand.class));
            case Topics.RISK -> LineProtocol.riskLevel(WireJson.read(value, RiskLevel.class));
            case Topics.RISK_WARNINGS -> LineProtocol.riskWarning(WireJson.read(value, RiskWarning.class));
            default -> throw new IllegalArgumentException("not a recorded topic: " + topic);
        };
    }
}
