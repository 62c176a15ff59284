package io.parkwatch.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parkwatch run}: the whole system in one JVM, waiting for real devices. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start ParkWatch in one JVM (embedded Kafka, gateway, Flink job, console) without the simulator.")
public class RunCommand implements Callable<Integer> {

    static final Logger LOG = LoggerFactory.getLogger("parkwatch");

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.settings();
        ParkWatchStandalone park = ParkWatchStandalone.start(settings, ParkWatchCli.base());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable extra = started(park, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping ParkWatch...");
            if (extra != null) {
                extra.run();
            }
            park.close();
            LOG.info("ParkWatch stopped");
            stopped.countDown();
        }, "parkwatch-shutdown"));
        banner(park);
        stopped.await();
        return 0;
    }

    /** Hook for subclasses: starts more once the system runs; returns what stops it, or null. */
    Runnable started(ParkWatchStandalone park, Settings settings) throws Exception {
        return null;
    }

    static void banner(ParkWatchStandalone park) {
        LOG.info("""

                ================================================================
                 ParkWatch is running
                   console (alarm board):  http://localhost:{}/
                     log in as duty / duty-demo (park officer) or huaxin / huaxin-demo (one plant),
                     see config/users.yaml; API: docs/console-api.md
                   MQTT gateway:           tcp://localhost:{}  (topic parkwatch/<enterprise>/<point>)
                   HJ 212 data loggers:    tcp://localhost:{}  (config/hj212.yaml)
                   gateway metrics:        http://localhost:{}/metrics
                   Kafka:                  {}
                   InfluxDB output:        {}
                 Ctrl-C stops everything.
                ================================================================""",
                park.consolePort(), park.mqttPort(), park.gateway().hj212Port(), park.gateway().metricsPort(),
                park.kafkaBootstrap(),
                park.influxOn() ? "on" : "off (set PARKWATCH_INFLUXDB_URL, _TOKEN, _ORG, _BUCKET)");
    }
}
