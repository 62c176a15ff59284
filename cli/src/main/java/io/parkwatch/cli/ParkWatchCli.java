package io.parkwatch.cli;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.List;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkwatch} command. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, version = "ParkWatch 0.1.0",
        description = "Real-time early warning for hazardous-chemicals industrial parks.",
        subcommands = {DemoCommand.class, RunCommand.class, InitCommand.class, GatewayCommand.class, ConsoleCommand.class,
                SimulateCommand.class, ReplayCommand.class, LoadCommand.class,
                BacktestCommand.class,
                HashPasswordCommand.class})
public final class ParkWatchCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ParkWatchCli());
        for (String kind : List.of(ConfigDocument.RULES, ConfigDocument.POINTS, ConfigDocument.MAINTENANCE,
                ConfigDocument.CONTACTS)) {
            cli.addSubcommand(kind, ConfigFileCommand.of(kind));
        }
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException c) {
                cmd.getErr().println("Configuration refused:\n" + c.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    static Path base() {
        return Path.of("").toAbsolutePath();
    }
}
