package io.parkwatch.standalone;

import io.parkwatch.kafka.ConfigTopic;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code parkwatch gateway}: one gateway process (MQTT, HJ 212, the broker bridge) in front of a Kafka
 * cluster. Run as many as the devices need behind a TCP load balancer; they share nothing but Kafka.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run a gateway (MQTT, HJ 212, bridge) against a Kafka cluster; settings: the gateway part of parkwatch.yaml.")
public final class GatewayCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("parkwatch");

    @Mixin
    ExternalKafka kafka;

    @Override
    public Integer call() throws Exception {
        Settings s = kafka.settings();
        String bootstrap = kafka.bootstrap(s);
        PointRegistry registry = pointsInForce(bootstrap);
        GatewayNode node = GatewayNode.Setup.of(s, ParkWatchCli.base(), registry).start(bootstrap, registry);
        LOG.info("gateway ready: MQTT {}, HJ 212 {}, metrics {}; Kafka {}", node.gateway().mqttPort(),
                node.gateway().hj212Port(), node.gateway().metricsPort(), bootstrap);
        return Foreground.until("gateway", node);
    }

    /** The point registry on the config topic ({@code parkwatch init} puts it there). */
    static PointRegistry pointsInForce(String bootstrap) {
        ConfigDocument points = ConfigTopic.latest(bootstrap).get(ConfigDocument.POINTS);
        if (points == null) {
            throw new ConfigException(new ConfigError(Topics.CONFIG, 0, 0, ConfigDocument.POINTS,
                    "no point registry on Kafka " + bootstrap + ": run `parkwatch init` first"));
        }
        return PointRegistryFile.parse(YamlSource.parse(points.source(), points.yaml()));
    }

}
