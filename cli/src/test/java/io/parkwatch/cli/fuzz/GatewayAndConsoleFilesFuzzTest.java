package io.parkwatch.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parkwatch.console.auth.UsersFile;
import io.parkwatch.console.map.SitePlanFile;
import io.parkwatch.ingest.device.DeviceRegistryFile;
import io.parkwatch.ingest.hj212.Hj212LoggersFile;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.simulator.scenario.ScenarioFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The files the gateway, the console and the simulator read (devices, HJ 212 loggers, users, the site plan,
 * scenarios), as any text: read, or refused with a {@link ConfigException} naming file, line and field; anything
 * else is a finding (docs/fuzzing.md). The first byte chooses the kind of file, the rest is its text.
 */
class GatewayAndConsoleFilesFuzzTest {

    static final PointRegistry PARK = PointRegistryFile.load(Path.of("..", "config", "points.yaml"));

    @FuzzTest(maxDuration = "20s")
    void anyFileOfAnyKind(byte[] input) {
        int kind = input.length == 0 ? 0 : (input[0] & 0xff) % 5;
        String text = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            YamlSource src = YamlSource.parse("fuzzed.yaml", text);
            switch (kind) {
                case 0 -> DeviceRegistryFile.parse(src, PARK);
                case 1 -> Hj212LoggersFile.parse(src, PARK);
                case 2 -> UsersFile.parse(src, PARK);
                case 3 -> SitePlanFile.parse(src, PARK);
                default -> ScenarioFile.parse(src, PARK);
            }
        } catch (ConfigException refused) {
            if (refused.getMessage() == null || !refused.getMessage().contains("fuzzed.yaml")) {
                throw new AssertionError("a refusal that does not name the file: " + refused.getMessage(), refused);
            }
        }
    }

    /** The same target for Jazzer's own driver (bench/fuzz.sh: a number of runs, not a time). */
    public static void fuzzerTestOneInput(byte[] input) {
        new GatewayAndConsoleFilesFuzzTest().anyFileOfAnyKind(input);
    }
}
