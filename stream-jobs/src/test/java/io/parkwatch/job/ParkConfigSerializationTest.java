package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The start-up files ride in every rule operator of the job graph: serialized deflated, read back whole, and the
 * operators of one process share one copy of the texts.
 */
class ParkConfigSerializationTest {

    /** A registry of 20,000 points, about 2 MB of YAML. */
    static String registry() {
        return registry(20_000);
    }

    static String registry(int points) {
        StringBuilder yaml = new StringBuilder("enterprises:\n  - { id: ent-a, name: 甲化工 }\npoints:\n");
        for (int i = 1; i <= points; i++) {
            yaml.append("  - { id: A-").append(i).append(", enterprise: ent-a, kind: gas_lel, unit: \"%LEL\", range: [0, 100],")
                    .append(" interval: 1s }\n");
        }
        return yaml.toString();
    }

    @Test
    void travelsDeflatedAndComesBackWholeSharedByTheOperatorsOfAProcess() throws Exception {
        ParkConfig config = new ParkConfig(registry(), PointRulesFunctionTest.RULES, null, "", null, null, "commitments: []\n");
        byte[] first = serialized(config);
        assertThat(first.length).as("bytes in the job graph for %d of text", config.pointsYaml().length())
                .isLessThan(config.pointsYaml().length() / 10);

        ParkConfig read = deserialized(first);
        assertThat(read).isEqualTo(config);
        assertThat(read.maintenanceYaml()).isNull();
        assertThat(read.contactsYaml()).isEmpty();
        assertThat(deserialized(serialized(config))).as("another operator of the same process").isSameAs(read);
        assertThat(deserialized(serialized(config.with("rules", PointRulesFunctionTest.RULES.replace("25", "30")))))
                .as("another configuration").isNotSameAs(read).isNotEqualTo(read);
    }

    @Test
    void theRegistryTheBuilderParsedTravelsWithTheTextsAndIsReadInsteadOfParsedAgain() throws Exception {
        // a registry no other test of this process has parsed
        ParkConfig config = new ParkConfig(registry(20_001), PointRulesFunctionTest.RULES, null);
        byte[] unparsed = serialized(config);
        assertThat(ParsedRegistries.toCarry(config.pointsYaml())).as("nothing parsed here, nothing carried").isNull();

        var parsed = config.engine().registry(); // what the JobManager does before it submits the job
        byte[] withRegistry = serialized(config);
        assertThat(withRegistry.length).as("the parsed registry rides along")
                .isGreaterThan(unparsed.length).isLessThan(config.pointsYaml().length() / 5);

        ParkConfig read = deserialized(withRegistry); // a TaskManager
        long before = ParsedRegistries.readFromCarried();
        var registry = ParsedRegistries.registry(read.pointsYaml());
        assertThat(ParsedRegistries.readFromCarried()).as("read from the bytes, not parsed").isEqualTo(before + 1);
        assertThat(java.util.List.copyOf(registry.points())).isEqualTo(java.util.List.copyOf(parsed.points()));
        assertThat(java.util.List.copyOf(registry.enterprises())).isEqualTo(java.util.List.copyOf(parsed.enterprises()));
    }

    @Test
    void damagedBytesInTheJobGraphFallBackToTheYaml() {
        String points = registry(3);
        ParsedRegistries.carried(points, new byte[] {1, 2, 3});
        long before = ParsedRegistries.readFromCarried();
        assertThat(ParsedRegistries.registry(points).points()).hasSize(3);
        assertThat(ParsedRegistries.readFromCarried()).isEqualTo(before);
        assertThat(ParsedRegistries.toCarry(points)).as("the damaged bytes are not kept").isNull();
    }

    private static byte[] serialized(ParkConfig c) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        return bytes.toByteArray();
    }

    private static ParkConfig deserialized(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (ParkConfig) in.readObject();
        }
    }
}
