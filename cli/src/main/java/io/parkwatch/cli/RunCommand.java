package io.parkwatch.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;
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

    /** What is where, for the person who started it, in their language ({@code --help}'s). */
    static void banner(ParkWatchStandalone park) {
        ResourceBundle words = ParkWatchCli.words();
        LOG.info(MessageFormat.format(words.getString("banner"), String.valueOf(park.consolePort()),
                String.valueOf(park.mqttPort()), String.valueOf(park.gateway().hj212Port()),
                String.valueOf(park.gateway().metricsPort()), park.kafkaBootstrap(),
                words.getString(park.influxOn() ? "banner.influx-on" : "banner.influx-off")));
    }
}
