package io.parkwatch.job;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.RuleFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.RuleEngine;
import io.parkwatch.rules.maintenance.MaintenanceFile;
import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import java.io.Serializable;

/**
 * The park's configuration as file texts: what travels in the job graph and in broadcast state. Parsed
 * (and validated) into a {@link RuleEngine} where it is used.
 *
 * @param maintenanceYaml maintenance windows, or null/blank for none
 */
public record ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml) implements Serializable {

    public RuleEngine engine() {
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", pointsYaml));
        MaintenanceSchedule maintenance = maintenanceYaml == null || maintenanceYaml.isBlank()
                ? MaintenanceSchedule.NONE
                : MaintenanceFile.parse(YamlSource.parse("maintenance.yaml", maintenanceYaml), registry);
        return new RuleEngine(registry, RuleFile.parse(YamlSource.parse("rules.yaml", rulesYaml), registry), maintenance);
    }
}
