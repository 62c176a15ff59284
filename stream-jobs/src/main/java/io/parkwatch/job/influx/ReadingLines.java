package io.parkwatch.job.influx;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Reading;

/**
 * Readings as InfluxDB lines, tagged with what the registry knows of their point (kind, tank, zone),
 * so a dashboard can select "all combustible gas detectors of tank T-101" without a join.
 */
public final class ReadingLines implements LineProtocol.Mapper<Reading> {

    private final String pointsYaml;
    private transient PointRegistry registry;

    public ReadingLines(String pointsYaml) {
        this.pointsYaml = pointsYaml;
    }

    @Override
    public String apply(Reading r) {
        if (registry == null) {
            registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", pointsYaml));
        }
        return LineProtocol.reading(r, registry.point(r.pointId()).orElse(null));
    }
}
