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
        StringBuilder yaml = new StringBuilder("enterprises:\n  - { id: ent-a, name: 甲化工 }\npoints:\n");
        for (int i = 1; i <= 20_000; i++) {
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
