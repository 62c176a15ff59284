package io.parkwatch.job;

import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.lifecycle.ContactsFile;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import java.io.Serializable;

/**
 * The park's configuration as file texts: what travels in the job graph and in broadcast state. Parsed
 * (and validated) into a {@link RuleEngine} where it is used.
 *
 * @param maintenanceYaml maintenance windows, or null/blank for none
 * @param contactsYaml    escalation contacts, or null/blank for none
 */
public record ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml, String contactsYaml)
        implements Serializable {

    public ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml) {
        this(pointsYaml, rulesYaml, maintenanceYaml, null);
    }

    /** Who is notified, in what order, for unanswered alerts. */
    public EscalationPlan plan() {
        if (contactsYaml == null || contactsYaml.isBlank()) {
            return EscalationPlan.NONE;
        }
        return ContactsFile.parse(YamlSource.parse("contacts.yaml", contactsYaml), engine().registry());
    }

    public RuleEngine engine() {
        return ParkFiles.engine(new ParkFiles.Text("points.yaml", pointsYaml), new ParkFiles.Text("rules.yaml", rulesYaml),
                new ParkFiles.Text("maintenance.yaml", maintenanceYaml));
    }
}
