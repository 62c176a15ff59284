package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.lifecycle.ContactsFile;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.risk.RiskModelFile;
import io.parkwatch.rules.wire.ConfigDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Validating and applying one configuration file. A file is always checked together with the other
 * two (rules and windows name points); a refused file changes nothing.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Offline: the file against the other files named in parkwatch.yaml. Exit code 0 or 1. */
    static int validate(String kind, Path file, Settings s, Path base, PrintWriter out, PrintWriter err) {
        try {
            Map<String, ParkFiles.Text> texts = new HashMap<>();
            texts.put(ConfigDocument.POINTS, text(base.resolve(s.text("files.points")), s.text("files.points")));
            texts.put(ConfigDocument.RULES, text(base.resolve(s.text("files.rules")), s.text("files.rules")));
            String m = s.text("files.maintenance");
            texts.put(ConfigDocument.MAINTENANCE, m.isEmpty() ? null : text(base.resolve(m), m));
            String c = s.text("files.contacts");
            texts.put(ConfigDocument.CONTACTS, c.isEmpty() ? null : text(base.resolve(c), c));
            String o = s.text("files.operations");
            texts.put(ConfigDocument.OPERATIONS, o.isEmpty() ? null : text(base.resolve(o), o));
            String r = s.text("files.risk", "");
            texts.put(ConfigDocument.RISK, r.isEmpty() ? null : text(base.resolve(r), r));
            texts.put(kind, text(file, file.toString()));
            RuleEngine e = engine(texts);
            out.println("OK: " + file + " is valid (" + summary(kind, e) + ")");
            return 0;
        } catch (ConfigException e) {
            err.println("Refused: " + file + "\n" + e.getMessage());
            return 1;
        }
    }

    /** Checks the file against the configuration in force on the config topic, then publishes it. */
    static int apply(String kind, Path file, String bootstrap, String reason, PrintWriter out, PrintWriter err)
            throws Exception {
        Map<String, ConfigDocument> inForce;
        try {
            inForce = ConfigTopic.latest(bootstrap);
        } catch (RuntimeException e) {
            err.println("Cannot read the configuration in force from Kafka at " + bootstrap + ": " + e.getMessage()
                    + "\nIs ParkWatch running (./parkwatch run)?");
            return 2;
        }
        Map<String, ParkFiles.Text> texts = new HashMap<>();
        inForce.forEach((k, d) -> texts.put(k, new ParkFiles.Text(d.source() + " (in force)", d.yaml())));
        ParkFiles.Text candidate = text(file, file.toString());
        texts.put(kind, candidate);
        RuleEngine e;
        try {
            e = engine(texts);
        } catch (ConfigException ex) {
            err.println("Refused, nothing changed: " + file + "\n" + ex.getMessage());
            return 1;
        }
        try {
            ConfigTopic.publish(bootstrap, new ConfigDocument(kind, candidate.text(), file.getFileName().toString(),
                    System.currentTimeMillis(), System.getProperty("user.name"), reason));
        } catch (IllegalArgumentException tooLarge) {
            err.println("Refused, nothing changed: " + file + "\n" + tooLarge.getMessage());
            return 1;
        }
        out.println("Applied " + file + " (" + summary(kind, e) + "): the running job and gateway take it within seconds.");
        return 0;
    }

    static String bootstrap(Settings s) {
        return s.bool("kafka.embedded") ? "127.0.0.1:" + s.integer("kafka.port") : s.text("kafka.bootstrap-servers");
    }

    private static RuleEngine engine(Map<String, ParkFiles.Text> texts) {
        if (texts.get(ConfigDocument.POINTS) == null || texts.get(ConfigDocument.RULES) == null) {
            throw new IllegalStateException("no point registry or rules in force yet: start ParkWatch once first");
        }
        RuleEngine e = ParkFiles.engine(texts.get(ConfigDocument.POINTS), texts.get(ConfigDocument.RULES),
                texts.get(ConfigDocument.MAINTENANCE), texts.get(ConfigDocument.OPERATIONS));
        ParkFiles.Text contacts = texts.get(ConfigDocument.CONTACTS);
        if (contacts != null) {
            ContactsFile.parse(YamlSource.parse(contacts.label(), contacts.text()), e.registry());
        }
        ParkFiles.Text risk = texts.get(ConfigDocument.RISK);
        if (risk != null) {
            RiskModelFile.parse(YamlSource.parse(risk.label(), risk.text()), e.operations().modes());
        }
        ParkFiles.Text commitments = texts.get(ConfigDocument.COMMITMENTS);
        if (commitments != null) {
            CommitmentsFile.parse(YamlSource.parse(commitments.label(), commitments.text()), e.registry());
        }
        return e;
    }

    private static String summary(String kind, RuleEngine e) {
        return switch (kind) {
            case ConfigDocument.POINTS -> e.registry().points().size() + " points, " + e.registry().enterprises().size()
                    + " enterprises";
            case ConfigDocument.RULES -> e.rules().rules().size() + " rules";
            case ConfigDocument.CONTACTS -> "escalation contacts";
            case ConfigDocument.RISK -> "risk model, " + e.registry().hazardSources().size() + " major hazard sources";
            case ConfigDocument.COMMITMENTS -> "daily safety commitments";
            case ConfigDocument.OPERATIONS -> e.operations().changes().size() + " mode changes, "
                    + e.operations().outOfService().size() + " instruments out of service";
            default -> e.maintenance().windows().size() + " maintenance windows";
        };
    }

    private static ParkFiles.Text text(Path p, String label) {
        try {
            return new ParkFiles.Text(label, Files.readString(p));
        } catch (IOException e) {
            throw new ConfigException(new io.parkwatch.rules.config.ConfigError(label, 0, 0, "", "cannot read: " + e));
        }
    }
}
