package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.config.ConfigDiff;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.ConfigDocument;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parkwatch config history KIND} and {@code parkwatch config diff KIND A B}: management of change. Every
 * document ever applied is a version (1 is the first) with who applied it, when and why; a diff says in words what
 * moved from what to what.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "The history of the configuration: every version applied, who, when, why, and what changed.")
final class ConfigHistoryCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--kafka", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Kafka of a distributed ParkWatch (default: the standalone's)")
    String kafka;

    @Command(name = "history", description = "Every version of a kind of document: number, when, who, why.")
    int history(@Parameters(paramLabel = "KIND", description = "rules, points, maintenance, contacts or operations")
            String kind) {
        List<ConfigDocument> versions = versions(kind);
        if (versions == null) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalogue words = catalogue();
        for (int i = 0; i < versions.size(); i++) {
            ConfigDocument d = versions.get(i);
            out.println(words.text("history.version", i + 1, Message.time(d.publishedAt()),
                    d.appliedBy() == null ? "-" : d.appliedBy(), d.source(), d.reason() == null ? "-" : d.reason(),
                    i == 0 ? 0 : ConfigDiff.between(versions.get(i - 1).yaml(), d.yaml()).size()));
        }
        if (versions.isEmpty()) {
            out.println(words.text("history.none", kind));
        }
        return 0;
    }

    @Command(name = "diff", description = "What changed from version A to version B of a kind of document, in words.")
    int diff(@Parameters(paramLabel = "KIND") String kind, @Parameters(paramLabel = "A") int a,
            @Parameters(paramLabel = "B") int b) {
        List<ConfigDocument> versions = versions(kind);
        if (versions == null) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalogue words = catalogue();
        for (int v : new int[] {a, b}) {
            if (v < 1 || v > versions.size()) {
                spec.commandLine().getErr().println(words.text("history.no-version", kind, v, versions.size()));
                return 1;
            }
        }
        ConfigDocument from = versions.get(a - 1);
        ConfigDocument to = versions.get(b - 1);
        out.println(words.text("history.diff-head", kind, a, Message.time(from.publishedAt()), b, Message.time(to.publishedAt()),
                to.appliedBy() == null ? "-" : to.appliedBy(), to.reason() == null ? "-" : to.reason()));
        List<Message> changes = ConfigDiff.between(from.yaml(), to.yaml());
        changes.forEach(m -> out.println("  " + words.render(m)));
        if (changes.isEmpty()) {
            out.println("  " + words.text("history.no-change"));
        }
        return 0;
    }

    private List<ConfigDocument> versions(String kind) {
        if (!ConfigDocument.KINDS.contains(kind)) {
            spec.commandLine().getErr().println(catalogue().text("history.unknown-kind", kind,
                    String.join(", ", ConfigDocument.KINDS)));
            return null;
        }
        String bootstrap = kafka != null ? kafka : ConfigFiles.bootstrap(config.settings());
        return ConfigTopic.history(bootstrap, kind);
    }

    private static Catalogue catalogue() {
        return Catalogue.of(ParkWatchCli.helpLanguage(System.getenv()));
    }
}
