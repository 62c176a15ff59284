package io.parkwatch.cli;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioFile;
import io.parkwatch.simulator.scenario.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parkwatch simulate --scenario NAME [--verify]}: play a scenario against a running ParkWatch. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish a scenario (scenarios/NAME.yaml or a file) to a running ParkWatch; with --verify, "
                + "report each expected alert as seen (with its timing) or missing, and any unexpected alert.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, description = "name in scenarios/ or a YAML file")
    String scenario;

    @Option(names = "--verify", description = "read parkwatch.alert-events and compare with the expected alerts")
    boolean verify;

    @Option(names = "--speed", description = "override the scenario's speed (simulated seconds per second)")
    Double speed;

    @Option(names = "--protocol", defaultValue = "mqtt", description = "mqtt or hj212 (data loggers of simulator.hj212-logins)")
    String protocol;

    @Option(names = "--hj212", description = "HJ 212 endpoint host:port (default: localhost:<gateway.hj212.port>)")
    String hj212;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: from the configuration)")
    String kafka;

    @Mixin
    ParkTarget target;

    @Override
    public Integer call() throws Exception {
        Settings s = target.settings();
        Path base = ParkWatchCli.base();
        PointRegistry park = target.park(s);
        Scenario sc = ScenarioFile.load(resolve(base, scenario), park);
        if (speed != null) {
            sc = sc.atSpeed(speed);
        }
        String bootstrap = kafka != null ? kafka : ConfigFiles.bootstrap(s);
        String url = target.mqttUrl(s);
        io.parkwatch.simulator.Uplink uplink = null;
        if (protocol.equals("hj212")) {
            String at = hj212 != null ? hj212 : "localhost:" + s.integer("gateway.hj212.port");
            uplink = hj212Loggers(s, base, park, at.substring(0, at.lastIndexOf(':')),
                    Integer.parseInt(at.substring(at.lastIndexOf(':') + 1)));
        } else if (!protocol.equals("mqtt")) {
            System.err.println("--protocol is mqtt or hj212");
            return 2;
        }
        Verification.Report report = ScenarioRun.run(sc, park, logins(s), url, bootstrap, verify, uplink);
        if (report == null) {
            return 0;
        }
        System.out.print(report.text());
        return report.passed() ? 0 : 1;
    }

    static Path resolve(Path base, String scenario) {
        Path named = base.resolve("scenarios").resolve(scenario + ".yaml");
        return Files.exists(named) ? named : base.resolve(scenario);
    }

    /** HJ 212 data loggers: MN and PW from simulator.hj212-logins, codes from the gateway's loggers file. */
    static io.parkwatch.simulator.Hj212Uplink hj212Loggers(Settings s, Path base, PointRegistry park, String host, int port)
            throws java.io.IOException {
        var mapping = io.parkwatch.ingest.hj212.Hj212LoggersFile.load(base.resolve(s.text("files.hj212")), park);
        List<io.parkwatch.simulator.Hj212Uplink.Logger212> loggers = new ArrayList<>();
        s.node("simulator.hj212-logins").forEach(n -> {
            var logger = mapping.get(n.path("mn").asText());
            if (logger != null) {
                java.util.Map<String, String> codes = new java.util.HashMap<>();
                logger.codes().forEach((code, point) -> codes.put(point, code));
                loggers.add(new io.parkwatch.simulator.Hj212Uplink.Logger212(n.path("enterprise").asText(),
                        n.path("mn").asText(), n.path("password").asText(), codes));
            }
        });
        return new io.parkwatch.simulator.Hj212Uplink(host, port, loggers,
                GatewaySettings.hj212Zone(s, park.park().timeZone()));
    }

    static List<DeviceLogin> logins(Settings s) {
        List<DeviceLogin> logins = new ArrayList<>();
        s.node("simulator.logins").forEach(n -> logins.add(new DeviceLogin(n.path("enterprise").asText(),
                n.path("username").asText(), n.path("password").asText())));
        return logins;
    }
}
