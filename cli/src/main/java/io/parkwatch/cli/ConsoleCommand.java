package io.parkwatch.cli;

import io.parkwatch.rules.config.PointRegistry;
import picocli.CommandLine.Command;

/** {@code parkwatch console}: the operator console and notifier as their own process, against a Kafka cluster. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Run the console (alarm board, API) and notifier against a Kafka cluster; settings: console, notifier, files.users.")
public final class ConsoleCommand extends PartCommand {

    @Override
    AutoCloseable start(Settings s, String bootstrap, PointRegistry registry) throws Exception {
        ConsoleNode node = ConsoleNode.Setup.of(s, ParkWatchCli.base(), registry).start(bootstrap);
        LOG.info("console ready: http://localhost:{}/ ; Kafka {}", node.console().port(), bootstrap);
        return node;
    }

    @Override
    String name() {
        return "console";
    }
}
