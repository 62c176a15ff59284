package io.parkwatch.job;

import io.parkwatch.rules.config.ParkFiles;
import io.parkwatch.rules.engine.RuleEngine;
import java.io.Serializable;

/**
 * The park's configuration as file texts: what travels in the job graph and in broadcast state. Parsed
 * (and validated) into a {@link RuleEngine} where it is used.
 *
 * @param maintenanceYaml maintenance windows, or null/blank for none
 */
public record ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml) implements Serializable {

    public RuleEngine engine() {
        return ParkFiles.engine(new ParkFiles.Text("points.yaml", pointsYaml), new ParkFiles.Text("rules.yaml", rulesYaml),
                new ParkFiles.Text("maintenance.yaml", maintenanceYaml));
    }
}
