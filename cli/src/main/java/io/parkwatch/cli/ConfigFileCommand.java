package io.parkwatch.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parkwatch rules|points|maintenance validate|apply FILE}: one command per kind of configuration file. */
@Command(mixinStandardHelpOptions = true)
public final class ConfigFileCommand {

    private final String kind;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    ConfigFileCommand(String kind) {
        this.kind = kind;
    }

    /** The command line for one kind, ready to be added under {@code parkwatch}. */
    static CommandLine of(String kind) {
        CommandLine c = new CommandLine(new ConfigFileCommand(kind));
        c.getCommandSpec().usageMessage().description("Validate or apply a " + kind + " file.");
        return c;
    }

    @Command(name = "validate", description = "Check the file (with the other configuration files); change nothing.")
    int validate(@Parameters(paramLabel = "FILE") Path file) {
        return ConfigFiles.validate(kind, file, config.settings(), ParkWatchCli.base(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Command(name = "apply", description = "Check the file against the configuration in force and publish it to the running system.")
    int apply(@Parameters(paramLabel = "FILE") Path file, @Option(names = "--kafka", description =
            "Kafka of a distributed ParkWatch (default: the standalone's, from the configuration)") String kafka,
            @Option(names = "--reason", description = "why (kept in the configuration history)") String reason)
            throws Exception {
        Settings s = config.settings();
        return ConfigFiles.apply(kind, file, kafka != null ? kafka : ConfigFiles.bootstrap(s), reason,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
