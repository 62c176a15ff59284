package io.parkwatch.cli;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkwatch} command. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, version = "ParkWatch 0.1.0",
        description = "Real-time early warning for hazardous-chemicals industrial parks.",
        subcommands = {DemoCommand.class, RunCommand.class, InitCommand.class, GatewayCommand.class, ConsoleCommand.class,
                RecorderCommand.class,
                SimulateCommand.class, ReplayCommand.class, LoadCommand.class,
                BacktestCommand.class,
                HashPasswordCommand.class, ModeCommand.class, ConfigHistoryCommand.class, ReportCommand.class})
public final class ParkWatchCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine(helpLanguage(System.getenv())).execute(args));
    }

    /** The whole command, its help in {@code language} (the help bundle's words, English where it has none). */
    static CommandLine commandLine(Locale language) {
        CommandLine cli = new CommandLine(new ParkWatchCli());
        for (String kind : ConfigDocument.KINDS) {
            cli.addSubcommand(kind, ConfigFileCommand.of(kind));
        }
        cli.getSubcommands().get(ConfigDocument.RULES).addSubcommand("report", new RulesReportCommand());
        cli.setResourceBundle(words(language));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException c) {
                cmd.getErr().println("Configuration refused:\n" + c.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** The command's own words (help, banner) in {@code language}. */
    static ResourceBundle words(Locale language) {
        return ResourceBundle.getBundle("io.parkwatch.cli.help", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The command's own words in the language of the person who runs it. */
    static ResourceBundle words() {
        return words(helpLanguage(System.getenv()));
    }

    /**
     * The language of {@code --help}: {@code PARKWATCH_LANG}, else the locale variables (LC_ALL, LC_MESSAGES, LANG);
     * Chinese unless one of them asks for English (a machine without a locale set reads Chinese).
     */
    static Locale helpLanguage(Map<String, String> env) {
        for (String name : List.of("PARKWATCH_LANG", "LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.getOrDefault(name, "");
            if (v.startsWith("en")) {
                return Locale.ROOT;
            }
            if (v.startsWith("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    static Path base() {
        return Path.of("").toAbsolutePath();
    }
}
