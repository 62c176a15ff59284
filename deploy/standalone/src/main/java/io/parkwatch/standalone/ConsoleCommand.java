package io.parkwatch.standalone;

import io.parkwatch.rules.config.PointRegistry;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parkwatch console}: the operator console and notifier as their own process, against a Kafka cluster. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Run the console (alarm board, API) and notifier against a Kafka cluster; settings: console, notifier, files.users.")
public final class ConsoleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("parkwatch");

    @Mixin
    ExternalKafka kafka;

    @Override
    public Integer call() throws Exception {
        Settings s = kafka.settings();
        String bootstrap = kafka.bootstrap(s);
        PointRegistry registry = GatewayCommand.pointsInForce(bootstrap);
        ConsoleNode node = ConsoleNode.Setup.of(s, ParkWatchCli.base(), registry).start(bootstrap);
        LOG.info("console ready: http://localhost:{}/ ; Kafka {}", node.console().port(), bootstrap);
        return Foreground.until("console", node);
    }
}
