package io.parkwatch.rules.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.lifecycle.ContactsFile;
import io.parkwatch.rules.maintenance.MaintenanceFile;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.risk.RiskModelFile;
import io.parkwatch.rules.ruleset.RuleFile;
import java.nio.file.Path;
import java.util.Set;

/**
 * Every configuration file the park applies (points, rules, maintenance windows, contacts, operations, the risk
 * model, commitments), as any text: each is read, or refused with a {@link ConfigException} that names file, line
 * and field; any other exception, a hang or memory without bound is a finding (docs/fuzzing.md).
 */
class ConfigFilesFuzzTest {

    static final PointRegistry PARK = PointRegistryFile.load(Path.of("..", "config", "points.yaml"));

    @FuzzTest(maxDuration = "20s")
    void anyFileOfAnyKind(byte[] input) {
        // the first byte chooses the kind of file, the rest is its text (so kept inputs read as they are)
        int kind = input.length == 0 ? 0 : (input[0] & 0xff) % 7;
        String text = input.length == 0 ? "" : new String(input, 1, input.length - 1,
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            YamlSource src = YamlSource.parse("fuzzed.yaml", text);
            switch (kind) {
                case 0 -> PointRegistryFile.parse(src);
                case 1 -> RuleFile.parse(src, PARK);
                case 2 -> MaintenanceFile.parse(src, PARK);
                case 3 -> ContactsFile.parse(src, PARK);
                case 4 -> OperationsFile.parse(src, PARK);
                case 5 -> RiskModelFile.parse(src, Set.of("running", "start-up", "shut-down", "turnaround"));
                default -> CommitmentsFile.parse(src, PARK);
            }
        } catch (ConfigException refused) {
            if (refused.getMessage() == null || !refused.getMessage().contains("fuzzed.yaml")) {
                throw new AssertionError("a refusal that does not name the file: " + refused.getMessage(), refused);
            }
        }
    }

    /** The same target for Jazzer's own driver (bench/fuzz.sh: a number of runs, not a time). */
    public static void fuzzerTestOneInput(byte[] input) {
        new ConfigFilesFuzzTest().anyFileOfAnyKind(input);
    }
}
