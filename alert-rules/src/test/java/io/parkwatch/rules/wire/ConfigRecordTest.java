package io.parkwatch.rules.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigRecordTest {

    /** A registry of {@code points} load-park points, as a points file has them. */
    static String registry(int points) {
        StringBuilder sb = new StringBuilder("enterprises:\n  - { id: ent-load, name: 负荷测试企业 }\npoints:\n");
        for (int i = 1; i <= points; i++) {
            sb.append("  - { id: LOAD-").append(i).append(", enterprise: ent-load, kind: gas_lel, unit: \"%LEL\", ")
                    .append("range: [0, 100], interval: 1s, name: \"").append(i).append(" 号可燃气体探测器\" }\n");
        }
        return sb.toString();
    }

    @Test
    void aSmallDocumentStaysPlainJson() {
        ConfigDocument rules = new ConfigDocument(ConfigDocument.RULES, "rules: []\n", "config/rules.yaml", 42L,
                "duty", "变更原因");
        byte[] record = ConfigRecord.write(rules);
        assertThat(new String(record, StandardCharsets.UTF_8)).startsWith("{\"kind\":\"rules\"");
        assertThat(ConfigRecord.read(record)).isEqualTo(rules);
    }

    @Test
    void aLargeRegistryIsGzippedAndReadsBackEqual() {
        ConfigDocument points = new ConfigDocument(ConfigDocument.POINTS, registry(30_000), "points.yaml", 7L);
        byte[] json = WireJson.write(points);
        byte[] record = ConfigRecord.write(points);
        assertThat(json.length).isGreaterThan(ConfigRecord.PLAIN_BYTES);
        assertThat(ConfigRecord.isGzip(record)).isTrue();
        assertThat(record.length).isLessThan(json.length / 8);
        assertThat(ConfigRecord.read(record)).isEqualTo(points);
    }

    @Test
    void aPlainJsonRecordOfAnyLengthStillReads() {
        // records written before documents were gzipped, and by tools that write JSON themselves
        ConfigDocument points = new ConfigDocument(ConfigDocument.POINTS, registry(30_000), "points.yaml", 7L);
        assertThat(ConfigRecord.read(WireJson.write(points))).isEqualTo(points);
    }

    @Test
    void aRecordThatInflatesPastTheBoundIsRefusedWithItsSize() {
        ConfigDocument huge = new ConfigDocument(ConfigDocument.POINTS, registry(20_000), "points.yaml", 7L);
        byte[] record = ConfigRecord.write(huge);
        assertThat(ConfigRecord.read(record, ConfigRecord.reader(4 * 1024 * 1024))).isEqualTo(huge);
        assertThatThrownBy(() -> ConfigRecord.read(record, ConfigRecord.reader(1024 * 1024)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not a valid configuration document (" + record.length + " bytes, gzipped)")
                .hasMessageContaining("exceeds the maximum");
    }

    @Test
    void aDamagedRecordIsRefusedNotHalfRead() {
        ConfigDocument points = new ConfigDocument(ConfigDocument.POINTS, registry(30_000), "points.yaml", 7L);
        byte[] record = ConfigRecord.write(points);
        byte[] cut = Arrays.copyOf(record, record.length / 2);
        assertThatThrownBy(() -> ConfigRecord.read(cut)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("gzipped");
    }
}
