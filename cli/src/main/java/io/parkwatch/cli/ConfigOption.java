package io.parkwatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -c/--config}: the configuration file every command that reads parkwatch.yaml takes (a picocli mixin). */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, defaultValue = "config/parkwatch.yaml",
            description = "configuration file (default: ${DEFAULT-VALUE})")
    Path file;

    /** The file's settings with the PARKWATCH_* environment applied. */
    Settings settings() {
        return Settings.load(file, System.getenv());
    }
}
