package io.parkwatch.cli;

import io.parkwatch.recorder.InfluxRecorder;
import io.parkwatch.recorder.InfluxSettings;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import java.util.ArrayList;
import java.util.List;

/** The InfluxDB recorder with the point registry it tags readings with, following the config topic. */
final class RecorderNode implements AutoCloseable {

    private final FollowedPoints points;
    private final InfluxRecorder recorder;

    private RecorderNode(String kafka, InfluxSettings influx, PointRegistry inForce) {
        points = new FollowedPoints("recorder", kafka, inForce);
        recorder = InfluxRecorder.start(kafka, influx, points);
    }

    /** A recorder when the influxdb section names a server, else null (nothing is recorded). */
    static RecorderNode startIfConfigured(Settings s, String kafka, PointRegistry inForce) {
        InfluxSettings influx = influx(s);
        return influx == null ? null : new RecorderNode(kafka, influx, inForce);
    }

    /**
     * The influxdb section: null when none of url, token, org and bucket is set.
     *
     * @throws ConfigException when some but not all are
     */
    static InfluxSettings influx(Settings s) {
        List<String> missing = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (String k : List.of("url", "token", "org", "bucket")) {
            (s.text("influxdb." + k).isEmpty() ? missing : set).add(k);
        }
        if (set.isEmpty()) {
            return null;
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "influxdb",
                    "set all of url, token, org and bucket to write to InfluxDB; missing: " + String.join(", ", missing)
                            + " (e.g. " + Settings.envName("influxdb." + missing.get(0)) + ")"));
        }
        return InfluxSettings.of(s.text("influxdb.url"), s.text("influxdb.token"), s.text("influxdb.org"),
                s.text("influxdb.bucket")).withReadings(s.bool("influxdb.readings"))
                .withBatch(s.integer("influxdb.batch"), s.duration("influxdb.flush-every"));
    }

    InfluxRecorder recorder() {
        return recorder;
    }

    @Override
    public void close() {
        recorder.close();
        points.close();
    }
}
