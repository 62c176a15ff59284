package io.parkwatch.cli;

import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import picocli.CommandLine.Command;

/** {@code parkwatch recorder}: alert events, commands, risk and readings from Kafka into InfluxDB, as its own process. */
@Command(name = "recorder", mixinStandardHelpOptions = true,
        description = "Record alert events, commands, risk and readings from Kafka in InfluxDB; settings: influxdb.")
public final class RecorderCommand extends PartCommand {

    @Override
    AutoCloseable start(Settings s, String bootstrap, PointRegistry registry) {
        RecorderNode node = RecorderNode.startIfConfigured(s, bootstrap, registry);
        if (node == null) {
            throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "influxdb",
                    "the recorder needs influxdb url, token, org and bucket (e.g. PARKWATCH_INFLUXDB_URL)"));
        }
        return node;
    }

    @Override
    String name() {
        return "recorder";
    }
}
