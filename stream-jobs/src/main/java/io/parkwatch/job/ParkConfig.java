package io.parkwatch.job;

import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.lifecycle.ContactsFile;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.risk.Commitment;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.risk.RiskContext;
import io.parkwatch.rules.risk.RiskModel;
import io.parkwatch.rules.risk.RiskModelFile;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The park's configuration as file texts: what travels in the job graph and in broadcast state. Parsed
 * (and validated) into a {@link RuleEngine} where it is used.
 *
 * @param maintenanceYaml maintenance windows, or null/blank for none
 * @param contactsYaml    escalation contacts, or null/blank for none
 * @param operationsYaml  operating modes and instruments out of service, or null/blank for none
 * @param riskYaml        the risk model, or null/blank for the shipped one
 * @param commitmentsYaml the daily safety commitments of the last days, or null/blank for none
 */
public record ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml, String contactsYaml,
        String operationsYaml, String riskYaml, String commitmentsYaml) implements Serializable {

    public ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml, String contactsYaml,
            String operationsYaml) {
        this(pointsYaml, rulesYaml, maintenanceYaml, contactsYaml, operationsYaml, null, null);
    }

    public ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml, String contactsYaml) {
        this(pointsYaml, rulesYaml, maintenanceYaml, contactsYaml, null);
    }

    public ParkConfig(String pointsYaml, String rulesYaml, String maintenanceYaml) {
        this(pointsYaml, rulesYaml, maintenanceYaml, null, null);
    }

    /** The text of a kind of document. */
    public String yaml(String kind) {
        return switch (kind) {
            case ConfigDocument.POINTS -> pointsYaml;
            case ConfigDocument.RULES -> rulesYaml;
            case ConfigDocument.MAINTENANCE -> maintenanceYaml;
            case ConfigDocument.CONTACTS -> contactsYaml;
            case ConfigDocument.OPERATIONS -> operationsYaml;
            case ConfigDocument.RISK -> riskYaml;
            case ConfigDocument.COMMITMENTS -> commitmentsYaml;
            default -> throw new IllegalArgumentException("unknown configuration kind '" + kind + "'");
        };
    }

    /** The same configuration with one document replaced. */
    public ParkConfig with(String kind, String yaml) {
        return new ParkConfig(ConfigDocument.POINTS.equals(kind) ? yaml : pointsYaml,
                ConfigDocument.RULES.equals(kind) ? yaml : rulesYaml,
                ConfigDocument.MAINTENANCE.equals(kind) ? yaml : maintenanceYaml,
                ConfigDocument.CONTACTS.equals(kind) ? yaml : contactsYaml,
                ConfigDocument.OPERATIONS.equals(kind) ? yaml : operationsYaml,
                ConfigDocument.RISK.equals(kind) ? yaml : riskYaml,
                ConfigDocument.COMMITMENTS.equals(kind) ? yaml : commitmentsYaml);
    }

    /** The same configuration with the documents the rules read; risk and commitments do not rebuild the rules. */
    public ParkConfig forRules() {
        return new ParkConfig(pointsYaml, rulesYaml, maintenanceYaml, contactsYaml, operationsYaml, null, null);
    }

    /** What the live risk reads: the model, the registry, the modes, the commitments (validated together). */
    public RiskContext risk() {
        RuleEngine e = engine();
        RiskModel model = riskYaml == null || riskYaml.isBlank() ? RiskModelFile.DEFAULT
                : RiskModelFile.parse(YamlSource.parse("risk.yaml", riskYaml), e.operations().modes());
        List<Commitment> commitments = commitmentsYaml == null || commitmentsYaml.isBlank() ? List.of()
                : CommitmentsFile.parse(YamlSource.parse("commitments", commitmentsYaml), e.registry());
        return new RiskContext(model, e.registry(), e.operations(), commitments);
    }

    /** Who is notified, in what order, for unanswered alerts. */
    public EscalationPlan plan() {
        if (contactsYaml == null || contactsYaml.isBlank()) {
            return EscalationPlan.NONE;
        }
        return ContactsFile.parse(YamlSource.parse("contacts.yaml", contactsYaml), engine().registry());
    }

    /**
     * Travels deflated. Every rule operator of the job carries the start-up files, so the job graph held the registry's
     * text once per operator (six times 15.8 MB at 150,000 points); deflated it is about a thirty-fifth. Read back, the
     * operators of a process share one copy of the texts.
     */
    @Serial
    private Object writeReplace() {
        return new Deflated(deflated(pointsYaml), deflated(rulesYaml), deflated(maintenanceYaml), deflated(contactsYaml),
                deflated(operationsYaml), deflated(riskYaml), deflated(commitmentsYaml),
                ParsedRegistries.toCarry(pointsYaml));
    }

    private static byte[] deflated(String text) {
        return text == null ? null : ConfigState.deflate(text);
    }

    /**
     * A {@link ParkConfig} as it is serialized: each text deflated (null stays null), and the registry as this process
     * parsed it, if it did (see {@link ParsedRegistries}), else null.
     */
    private record Deflated(byte[] points, byte[] rules, byte[] maintenance, byte[] contacts, byte[] operations,
            byte[] risk, byte[] commitments, byte[] parsedRegistry) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
        /** The last configurations read back: the operators of a process deserialize the same one, one after another. */
        private static final Map<ParkConfig, ParkConfig> READ = new RecentlyUsed<>(2);

        @Serial
        private Object readResolve() {
            ParkConfig read = new ParkConfig(inflated(points), inflated(rules), inflated(maintenance), inflated(contacts),
                    inflated(operations), inflated(risk), inflated(commitments));
            ParkConfig shared;
            synchronized (READ) {
                shared = READ.computeIfAbsent(read, k -> read);
            }
            ParsedRegistries.carried(shared.pointsYaml, parsedRegistry);
            return shared;
        }

        private static String inflated(byte[] deflated) {
            return deflated == null ? null : ConfigState.inflate(deflated);
        }
    }

    /** The rules over the registry, validated together; parsed once per process for the same texts. */
    public RuleEngine engine() {
        return SharedEngines.engine(new SharedEngines.Texts(pointsYaml, rulesYaml, maintenanceYaml, operationsYaml),
                t -> ParkFiles.engine(ParsedRegistries.registry(t.points()),
                        new ParkFiles.Text("rules.yaml", t.rules()), new ParkFiles.Text("maintenance.yaml", t.maintenance()),
                        new ParkFiles.Text("operations.yaml", t.operations())));
    }
}
