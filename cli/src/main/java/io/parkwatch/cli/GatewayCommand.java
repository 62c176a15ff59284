package io.parkwatch.cli;

import io.parkwatch.rules.config.PointRegistry;
import picocli.CommandLine.Command;

/**
 * {@code parkwatch gateway}: one gateway process (MQTT, HJ 212, the broker bridge) in front of a Kafka
 * cluster. Run as many as the devices need behind a TCP load balancer; they share nothing but Kafka.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run a gateway (MQTT, HJ 212, bridge) against a Kafka cluster; settings: the gateway part of parkwatch.yaml.")
public final class GatewayCommand extends PartCommand {

    @Override
    AutoCloseable start(Settings s, String bootstrap, PointRegistry registry) throws Exception {
        GatewayNode node = GatewayNode.Setup.of(s, ParkWatchCli.base(), registry).start(bootstrap, registry);
        LOG.info("gateway ready: MQTT {}, HJ 212 {}, metrics {}; Kafka {}", node.gateway().mqttPort(),
                node.gateway().hj212Port(), node.gateway().metricsPort(), bootstrap);
        return node;
    }

    @Override
    String name() {
        return "gateway";
    }
}
