package io.parkwatch.cli;

import io.parkwatch.job.ParkConfig;
import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The park's configuration files named in parkwatch.yaml, and how they meet the config topic: the topic
 * is the configuration in force once it holds a document of a kind; a kind it lacks is seeded from the file.
 */
final class ConfigSeed {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSeed.class);

    private final Map<String, ParkFiles.Text> files = new LinkedHashMap<>();

    /** Reads and checks the files together: a bad one stops start-up with its line and field. */
    ConfigSeed(Settings s, Path base) {
        files.put(ConfigDocument.POINTS, file(base, s.text("files.points")));
        files.put(ConfigDocument.RULES, file(base, s.text("files.rules")));
        files.put(ConfigDocument.MAINTENANCE, s.text("files.maintenance").isEmpty() ? null
                : file(base, s.text("files.maintenance")));
        files.put(ConfigDocument.CONTACTS, s.text("files.contacts").isEmpty() ? null
                : file(base, s.text("files.contacts")));
        files.put(ConfigDocument.OPERATIONS, s.text("files.operations").isEmpty() ? null
                : file(base, s.text("files.operations")));
        String risk = s.text("files.risk", "");
        files.put(ConfigDocument.RISK, risk.isEmpty() ? null : file(base, risk));
        String commitments = s.text("files.commitments", "");
        files.put(ConfigDocument.COMMITMENTS, commitments.isEmpty() ? null : file(base, commitments));
        config(files).risk(); // the risk model and the commitments against the rest
    }

    /** The files as one configuration. */
    private static ParkConfig config(Map<String, ParkFiles.Text> files) {
        java.util.function.Function<String, String> text = k -> files.get(k) == null ? null : files.get(k).text();
        return new ParkConfig(text.apply(ConfigDocument.POINTS), text.apply(ConfigDocument.RULES),
                text.apply(ConfigDocument.MAINTENANCE), text.apply(ConfigDocument.CONTACTS),
                text.apply(ConfigDocument.OPERATIONS), text.apply(ConfigDocument.RISK),
                text.apply(ConfigDocument.COMMITMENTS));
    }

    /** The rule engine the files describe (validates them). */
    RuleEngine engine() {
        return ParkFiles.engine(files.get(ConfigDocument.POINTS), files.get(ConfigDocument.RULES),
                files.get(ConfigDocument.MAINTENANCE), files.get(ConfigDocument.OPERATIONS));
    }

    /**
     * The configuration in force on the topic, seeding every kind it lacks from its file. A file that
     * differs from what is in force is pointed out, not applied (that is {@code parkwatch KIND apply}).
     */
    ParkConfig inForce(String bootstrap) throws Exception {
        Map<String, ConfigDocument> topic = ConfigTopic.latest(bootstrap);
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, ParkFiles.Text> f : files.entrySet()) {
            ConfigDocument doc = topic.get(f.getKey());
            if (doc == null && f.getValue() != null) {
                doc = new ConfigDocument(f.getKey(), f.getValue().text(), f.getValue().label(), System.currentTimeMillis(),
                        System.getProperty("user.name"), io.parkwatch.rules.text.Catalogue.of(ParkWatchCli.helpLanguage(
                                System.getenv())).text("config.seeded"));
                ConfigTopic.publish(bootstrap, doc);
                LOG.info("{}: seeded {} from {}", Topics.CONFIG, f.getKey(), f.getValue().label());
            } else if (doc != null) {
                LOG.info("{} in force: from {} as applied {} ({})", f.getKey(), doc.source(),
                        java.time.Instant.ofEpochMilli(doc.publishedAt()), Topics.CONFIG);
                if (f.getValue() != null && !f.getValue().text().equals(doc.yaml())) {
                    LOG.warn("{} differs from the {} in force; to use it: parkwatch {} apply {}", f.getValue().label(),
                            f.getKey(), f.getKey(), f.getValue().label());
                }
            }
            texts.put(f.getKey(), doc == null ? null : doc.yaml());
        }
        ParkConfig c = new ParkConfig(texts.get(ConfigDocument.POINTS), texts.get(ConfigDocument.RULES),
                texts.get(ConfigDocument.MAINTENANCE), texts.get(ConfigDocument.CONTACTS),
                texts.get(ConfigDocument.OPERATIONS), texts.get(ConfigDocument.RISK),
                texts.get(ConfigDocument.COMMITMENTS));
        c.engine(); // the combination in force must hold together
        c.plan();
        c.risk();
        return c;
    }

    private static ParkFiles.Text file(Path base, String name) {
        try {
            return new ParkFiles.Text(name, Files.readString(base.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.resolve(name), e);
        }
    }
}
