package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.operations.ModeChange;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.wire.ConfigDocument;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parkwatch mode set SUBJECT MODE --reason ...} and {@code parkwatch mode show}: the operating mode of a
 * plant or unit, as the console sets it. A command holds until the next change for the subject, planned or ordered;
 * it becomes a new version of the operations document, with who and why.
 */
@Command(name = "mode", mixinStandardHelpOptions = true,
        description = "Show or set the operating mode of plants and units (running, start-up, shut-down, turnaround ...).")
final class ModeCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--kafka", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Kafka of a distributed ParkWatch (default: the standalone's)")
    String kafka;

    /** The points and operations in force on the config topic, and where it is. */
    private record InForce(String bootstrap, PointRegistry registry, PlantOperations operations) {
    }

    /** What is in force, or null (said on the error stream) when ParkWatch has never run. */
    private InForce inForce() {
        String bootstrap = kafka != null ? kafka : ConfigFiles.bootstrap(config.settings());
        Map<String, ConfigDocument> docs = ConfigTopic.latest(bootstrap);
        ConfigDocument points = docs.get(ConfigDocument.POINTS);
        if (points == null) {
            spec.commandLine().getErr().println("No point registry in force on " + bootstrap
                    + ": start ParkWatch once first.");
            return null;
        }
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse(points.source(), points.yaml()));
        ConfigDocument current = docs.get(ConfigDocument.OPERATIONS);
        return new InForce(bootstrap, registry, current == null ? PlantOperations.NONE.with(registry)
                : OperationsFile.parse(YamlSource.parse("operations (in force)", current.yaml()), registry));
    }

    @Command(name = "set", description = "Set the mode of an enterprise, tank or unit from now on.")
    int set(@Parameters(paramLabel = "SUBJECT", description = "an enterprise id, or a tank or unit") String subject,
            @Parameters(paramLabel = "MODE") String mode,
            @Option(names = "--reason", required = true, paramLabel = "REASON", description = "why (kept with the change)") String reason)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InForce in = inForce();
        if (in == null) {
            return 2;
        }
        PointRegistry registry = in.registry();
        PlantOperations ops = in.operations();
        if (!OperationsFile.subjects(registry).contains(subject)) {
            err.println("Refused: '" + subject + "' is neither an enterprise id nor a tank or unit of the points.");
            return 1;
        }
        if (!ops.modes().contains(mode)) {
            err.println("Refused: unknown mode '" + mode + "' (known: " + String.join(", ", new TreeSet<>(ops.modes()))
                    + ")");
            return 1;
        }
        String user = System.getProperty("user.name");
        long now = System.currentTimeMillis();
        String yaml = OperationsFile.write(ops.withChange(new ModeChange(subject, mode, now, user, reason)),
                registry.park().timeZone());
        OperationsFile.parse(YamlSource.parse("operations.yaml", yaml), registry);
        ConfigTopic.publish(in.bootstrap(), new ConfigDocument(ConfigDocument.OPERATIONS, yaml, "parkwatch mode set", now,
                user, "mode of " + subject + " set to " + mode + ": " + reason));
        out.println("Mode of " + subject + " is " + mode + " from " + Instant.ofEpochMilli(now)
                + " until the next change; the running job takes it within seconds.");
        return 0;
    }

    @Command(name = "show", description = "The mode of every enterprise, and of units with a change in force.")
    int show() throws Exception {
        InForce in = inForce();
        if (in == null) {
            return 2;
        }
        PointRegistry registry = in.registry();
        PlantOperations ops = in.operations();
        long now = System.currentTimeMillis();
        PrintWriter out = spec.commandLine().getOut();
        for (var e : registry.enterprises()) {
            out.printf("%-16s %s%n", e.id(), ops.modeOf(e.id(), null, now));
        }
        ops.changes().stream().map(ModeChange::subject).filter(s -> registry.enterprise(s).isEmpty()).distinct()
                .forEach(unit -> ops.changeInForce(unit, now).ifPresent(c -> out.printf("%-16s %s (since %s, %s)%n",
                        unit, c.mode(), Instant.ofEpochMilli(c.at()), c.by())));
        return 0;
    }
}
