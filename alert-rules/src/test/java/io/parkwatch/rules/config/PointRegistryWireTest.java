package io.parkwatch.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointRegistryWireTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Every field a registry file can set, the optional ones both set and left out. */
    static final String EVERY_FIELD = """
            park: { name: 临港化工园区, time-zone: Asia/Urumqi }
            enterprises:
              - { id: ent-a, name: 甲石化, shut-down-units: [T-2, R-9] }
              - { id: ent-b, status: shut-down }
            hazard-sources:
              - { id: HS-1, name: 苯罐区, enterprise: ent-a, grade: 二级, tanks: [T-1, T-2] }
              - { id: HS-2, enterprise: ent-b, grade: 4 }
            points:
              - { id: A-1, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 1500ms, tank: T-1, zone: Z-1,
                  name: "1 号探测器", tags: { vendor: 汉威, loop: "3" }, logger: dl-7 }
              - { id: A-2, enterprise: ent-a, kind: pressure, unit: MPa, range: [-0.1, 2.5], interval: 2m }
              - { id: B-1, enterprise: ent-b, kind: temperature, range: [-40, 80], tank: T-1 }
            """;

    @Test
    void aRegistryReadsBackAsParsedFieldByField() {
        PointRegistry parsed = PointRegistryFile.parse(YamlSource.parse("points.yaml", EVERY_FIELD));
        assertSame(PointRegistryWire.read(PointRegistryWire.write(parsed)), parsed);
    }

    @Test
    void theDemoParksRegistryReadsBackAsParsed() {
        PointRegistry parsed = PointRegistryFile.load(ROOT.resolve("config/points.yaml"));
        assertThat(parsed.hazardSources()).isNotEmpty();
        assertSame(PointRegistryWire.read(PointRegistryWire.write(parsed)), parsed);
    }

    @Test
    void bytesOfAnotherVersionOrCutShortAreRefused() throws Exception {
        byte[] written = PointRegistryWire.write(PointRegistryFile.parse(YamlSource.parse("points.yaml", EVERY_FIELD)));
        assertThatThrownBy(() -> PointRegistryWire.read(Arrays.copyOf(written, written.length / 2)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not a point registry");
        PointRegistry empty = new PointRegistry(List.of(), List.of());
        byte[] other = PointRegistryWire.write(empty);
        assertThat(PointRegistryWire.read(other).points()).isEmpty();
        // the same bytes with another version number in front
        byte[] raw = inflated(other);
        ByteBuffer.wrap(raw).putInt(0, PointRegistryWire.VERSION + 1);
        assertThatThrownBy(() -> PointRegistryWire.read(deflated(raw))).hasMessageContaining("another version");
    }

    private static byte[] inflated(byte[] b) throws java.io.IOException {
        return new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(b)).readAllBytes();
    }

    private static byte[] deflated(byte[] b) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var d = new java.util.zip.DeflaterOutputStream(out)) {
            d.write(b);
        }
        return out.toByteArray();
    }

    private static void assertSame(PointRegistry read, PointRegistry parsed) {
        assertThat(read.park()).isEqualTo(parsed.park());
        assertThat(List.copyOf(read.enterprises())).isEqualTo(List.copyOf(parsed.enterprises()));
        assertThat(read.hazardSources()).isEqualTo(parsed.hazardSources());
        assertThat(List.copyOf(read.points())).isEqualTo(List.copyOf(parsed.points()));
    }
}
