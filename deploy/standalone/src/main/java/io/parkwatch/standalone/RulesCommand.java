package io.parkwatch.standalone;

import io.parkwatch.rules.wire.ConfigDocument;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parkwatch rules validate|apply FILE}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Validate or apply a rules file.")
public final class RulesCommand {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "config/parkwatch.yaml", description = "configuration file")
    Path config;

    @Command(name = "validate", description = "Check the file (with the other configuration files); change nothing.")
    int validate(@Parameters(paramLabel = "FILE") Path file) {
        return ConfigFiles.validate(ConfigDocument.RULES, file, Settings.load(config, System.getenv()),
                ParkWatchCli.base(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Command(name = "apply", description = "Check the file against the configuration in force and publish it to the running system.")
    int apply(@Parameters(paramLabel = "FILE") Path file) throws Exception {
        return ConfigFiles.apply(ConfigDocument.RULES, file, Settings.load(config, System.getenv()),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
