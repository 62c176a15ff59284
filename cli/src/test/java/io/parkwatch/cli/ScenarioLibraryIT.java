package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioFile;
import io.parkwatch.simulator.scenario.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the library, each against a fresh ParkWatch in one JVM (a finished scenario leaves
 * silent loggers behind), passes what {@code parkwatch simulate --verify} checks: every expected alert
 * raised in its window with its level, nothing unexpected.
 */
class ScenarioLibraryIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;

    @TempDir
    Path tmp;

    static Stream<String> scenarios() throws IOException {
        String only = System.getProperty("scenario");
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(n -> only == null || only.equals(n)).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioPassesItsVerification(String name) throws Exception {
        verify(name, false);
    }

    /** The same park reporting through HJ 212 data loggers (config/hj212.yaml) instead of MQTT. */
    @org.junit.jupiter.api.Test
    void theGasLeakOverHj212PassesToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("scenario") == null);
        verify("gas-leak-spreading", true);
    }

    void verify(String name, boolean hj212) throws Exception {
        PointRegistry park = PointRegistryFile.parse(YamlSource.read(ROOT.resolve("config/points.yaml")));
        Scenario scenario = ScenarioFile.load(ROOT.resolve("scenarios").resolve(name + ".yaml"), park);
        Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("console.session-file", "")
                .with("job.checkpoint-dir", tmp.resolve("checkpoints"));
        try (ParkWatchStandalone parkWatch = ParkWatchStandalone.start(settings, ROOT)) {
            io.parkwatch.simulator.Uplink uplink = hj212 ? SimulateCommand.hj212Loggers(settings, ROOT, park, "127.0.0.1",
                    parkWatch.gateway().hj212Port()) : null;
            Verification.Report report = ScenarioRun.run(scenario, parkWatch.points(), SimulateCommand.logins(settings),
                    "tcp://127.0.0.1:" + parkWatch.mqttPort(), parkWatch.kafkaBootstrap(), true, uplink);
            System.out.print(report.text());
            assertThat(report.passed()).as(report.text()).isTrue();
        }
    }
}
