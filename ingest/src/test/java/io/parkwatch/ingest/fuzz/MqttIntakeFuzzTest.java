package io.parkwatch.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.ingest.intake.Origin;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;

/**
 * A device's MQTT publish (any topic, any payload) through the reading intake: every input ends either accepted
 * (readings of known points, in range of time) or refused with a reason, never in an exception; a refusal names
 * what it refused (docs/fuzzing.md).
 */
class MqttIntakeFuzzTest {

    static final PointRegistry POINTS = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises: [ { id: ent-a }, { id: ent-b } ]
            points:
              - { id: A1, enterprise: ent-a, kind: gas_lel, range: [0, 100] }
              - { id: B1, enterprise: ent-b, kind: gas_lel, range: [0, 100] }
            """));
    static final long NOW = 1_800_000_000_000L;
    static final ReadingIntake INTAKE = new ReadingIntake(() -> POINTS, Duration.ofSeconds(30), 4096);
    static final Origin DEVICE = new Origin("mqtt", "c1", "dev-a", "ent-a", "127.0.0.1:5555");

    @FuzzTest(maxDuration = "20s")
    void anyTopicAnyPayload(byte[] input) {
        // the topic up to the first line break, the payload after it (so kept inputs read as they are)
        int nl = 0;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        String topic = new String(input, 0, nl, java.nio.charset.StandardCharsets.UTF_8);
        byte[] payload = java.util.Arrays.copyOfRange(input, Math.min(nl + 1, input.length), input.length);
        IntakeResult r = INTAKE.accept(DEVICE, topic, payload, NOW);
        assertThat(r.accepted().size() + r.rejected().size()).isPositive();
        for (Reading a : r.accepted()) {
            assertThat(POINTS.point(a.pointId())).isPresent();
            assertThat(a.enterpriseId()).isEqualTo("ent-a");
        }
        r.rejected().forEach(x -> assertThat(x.reason()).isNotNull());
    }

    /** The same target for Jazzer's own driver (bench/fuzz.sh: a number of runs, not a time). */
    public static void fuzzerTestOneInput(byte[] input) {
        new MqttIntakeFuzzTest().anyTopicAnyPayload(input);
    }
}
