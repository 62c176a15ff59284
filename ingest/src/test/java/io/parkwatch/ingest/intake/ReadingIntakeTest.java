package io.parkwatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.RejectedReading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadingIntakeTest {

    static final PointRegistry POINTS = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises: [ { id: ent-a }, { id: ent-b } ]
            points:
              - { id: A1, enterprise: ent-a, kind: gas_lel, range: [0, 100] }
              - { id: B1, enterprise: ent-b, kind: gas_lel, range: [0, 100] }
            """));
    static final long NOW = 1_800_000_000_000L;
    final ReadingIntake intake = new ReadingIntake(() -> POINTS, Duration.ofSeconds(30), 1024);
    final Origin device = new Origin("mqtt", "c1", "dev-a", "ent-a", "127.0.0.1:5555");

    IntakeResult accept(String topic, String payload) {
        return intake.accept(device, topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    RejectedReading rejectedOnly(String topic, String payload) {
        IntakeResult r = accept(topic, payload);
        assertThat(r.accepted()).isEmpty();
        assertThat(r.rejected()).hasSize(1);
        return r.rejected().get(0);
    }

    @Test
    void acceptsEpochMillisAndIsoTimestampsWithDefaultQuality() {
        IntakeResult r = accept("parkwatch/ent-a/A1", "{\"ts\": 1799999999000, \"v\": 12.5}");
        assertThat(r.accepted()).containsExactly(new Reading("A1", "ent-a", 1_799_999_999_000L, 12.5, Quality.N, NOW, "mqtt:dev-a"));
        r = accept("parkwatch/ent-a/A1", "{\"ts\": \"2027-01-15T08:00:00+08:00\", \"v\": 3, \"q\": \"m\"}");
        assertThat(r.accepted().get(0).timestamp())
                .isEqualTo(java.time.Instant.parse("2027-01-15T00:00:00Z").toEpochMilli());
        assertThat(r.accepted().get(0).quality()).isEqualTo(Quality.M);
    }

    @Test
    void batchAcceptsTheGoodAndRefusesTheBadOneByOne() {
        IntakeResult r = accept("parkwatch/ent-a/batch", """
                [ {"point":"A1","ts":1799999999000,"v":1},
                  {"point":"NOPE","ts":1799999999000,"v":2},
                  {"ts":1799999999000,"v":3},
                  {"point":"A1","ts":1799999999001,"v":"high"} ]""");
        assertThat(r.accepted()).extracting(Reading::value).containsExactly(1.0);
        assertThat(r.rejected()).extracting(RejectedReading::reason).containsExactly(RejectReason.UNKNOWN_POINT,
                RejectReason.MALFORMED_JSON, RejectReason.NON_NUMERIC_VALUE);
        assertThat(r.rejected().get(0).raw()).isEqualTo("{\"point\":\"NOPE\",\"ts\":1799999999000,\"v\":2}");
        // an empty batch is refused with its reason, not taken and forgotten
        assertThat(rejectedOnly("parkwatch/ent-a/batch", "[]").detail()).isEqualTo("an empty batch holds no reading");
    }

    @Test
    void everyReasonIsSpecific() {
        assertThat(rejectedOnly("parkwatch/ent-a/NOPE", "{\"ts\":1,\"v\":1}").reason()).isEqualTo(RejectReason.UNKNOWN_POINT);
        assertThat(rejectedOnly("parkwatch/ent-b/B1", "{\"ts\":1,\"v\":1}").reason()).isEqualTo(RejectReason.FORBIDDEN_ENTERPRISE);
        Origin anyEnterprise = new Origin("mqtt", "c", "u", null, "r");
        IntakeResult wrongOwner = intake.accept(anyEnterprise, "parkwatch/ent-a/B1", "{\"ts\":1,\"v\":1}".getBytes(), NOW);
        assertThat(wrongOwner.rejected().get(0).reason()).isEqualTo(RejectReason.POINT_NOT_OF_ENTERPRISE);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":1}").reason()).isEqualTo(RejectReason.MISSING_VALUE);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":1,\"v\":\"12\"}").reason()).isEqualTo(RejectReason.NON_NUMERIC_VALUE);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"v\":1}").reason()).isEqualTo(RejectReason.MISSING_TIMESTAMP);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":\"yesterday\",\"v\":1}").reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
        RejectedReading future = rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":" + (NOW + 31_000) + ",\"v\":1}");
        assertThat(future.reason()).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
        assertThat(future.detail()).contains("31000 ms ahead", "allowed: 30000 ms");
        assertThat(accept("parkwatch/ent-a/A1", "{\"ts\":" + (NOW + 29_000) + ",\"v\":1}").accepted()).hasSize(1);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":1,\"v\":1,\"q\":\"Z\"}").reason()).isEqualTo(RejectReason.BAD_QUALITY_FLAG);
        assertThat(rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":1,\"v\":").reason()).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(rejectedOnly("sensors/A1", "{\"ts\":1,\"v\":1}").reason()).isEqualTo(RejectReason.BAD_TOPIC);
        RejectedReading big = rejectedOnly("parkwatch/ent-a/A1", "{\"ts\":1,\"v\":1,\"pad\":\"" + "x".repeat(2000) + "\"}");
        assertThat(big.reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
        assertThat(big.rawSize()).isGreaterThan(2000);
        assertThat(big.raw()).hasSize(1024);
    }

    /** Edge values: each either accepted as a reading the job can evaluate, or refused here with its reason. */
    @Test
    void edgeValuesAreAcceptedAsEvaluableOrRefusedWithTheirReason() {
        Object[][] table = {
            {"{\"ts\":1799999999000,\"v\":1e400}", RejectReason.NON_NUMERIC_VALUE},    // parses as infinity
            {"{\"ts\":1799999999000,\"v\":-1e400}", RejectReason.NON_NUMERIC_VALUE},
            {"{\"ts\":1799999999000,\"v\":NaN}", RejectReason.MALFORMED_JSON},
            {"{\"ts\":1799999999000,\"v\":\"NaN\"}", RejectReason.NON_NUMERIC_VALUE},
            {"{\"ts\":1799999999000,\"v\":true}", RejectReason.NON_NUMERIC_VALUE},
            {"{\"ts\":0,\"v\":1}", RejectReason.BAD_TIMESTAMP},                          // a clock never set
            {"{\"ts\":-5,\"v\":1}", RejectReason.BAD_TIMESTAMP},
            {"{\"ts\":946684799999,\"v\":1}", RejectReason.BAD_TIMESTAMP},               // 1999-12-31T23:59:59.999Z
            {"{\"ts\":99999999999999999999999,\"v\":1}", RejectReason.BAD_TIMESTAMP},    // beyond a long
            {"{\"ts\":1.5e12,\"v\":1}", RejectReason.BAD_TIMESTAMP},
            {"{\"ts\":\"1999-12-31T23:59:59Z\",\"v\":1}", RejectReason.BAD_TIMESTAMP},
            {"{\"ts\":9223372036854775807,\"v\":1}", RejectReason.FUTURE_TIMESTAMP},
            {"{\"ts\":946684800000,\"v\":1}", null},                                      // 2000-01-01: the first accepted
            {"{\"ts\":1799999999000,\"v\":1.7976931348623157e308}", null},              // finite, however large
            {"{\"ts\":1799999999000,\"v\":-0.0}", null},
            {"{\"ts\":1799999999000,\"v\":4.9e-324}", null},
        };
        for (Object[] row : table) {
            IntakeResult r = accept("parkwatch/ent-a/A1", (String) row[0]);
            if (row[1] == null) {
                assertThat(r.accepted()).as((String) row[0]).hasSize(1);
                assertThat(Double.isFinite(r.accepted().get(0).value())).isTrue();
                assertThat(r.accepted().get(0).timestamp()).isGreaterThanOrEqualTo(ReadingIntake.EARLIEST);
            } else {
                assertThat(r.accepted()).as((String) row[0]).isEmpty();
                assertThat(r.rejected()).as((String) row[0]).extracting(RejectedReading::reason).containsExactly((RejectReason) row[1]);
            }
        }
        // the HJ 212 path (decoded values) gets the same checks
        IntakeResult hj = intake.admit(device, "hj212", "ent-a", java.util.List.of(
                new ReadingIntake.Candidate("A1", 1_799_999_999_000L, Double.POSITIVE_INFINITY, Quality.N, "a-Rtd=inf"),
                new ReadingIntake.Candidate("A1", 1_799_999_999_000L, Double.NaN, Quality.N, "a-Rtd=nan"),
                new ReadingIntake.Candidate("A1", 0L, 1.0, Quality.N, "DataTime=19700101000000"),
                new ReadingIntake.Candidate("A1", 1_799_999_999_000L, 2.0, Quality.N, "ok")), java.util.List.of(), NOW);
        assertThat(hj.rejected()).extracting(RejectedReading::reason).containsExactly(RejectReason.NON_NUMERIC_VALUE,
                RejectReason.NON_NUMERIC_VALUE, RejectReason.BAD_TIMESTAMP);
        assertThat(hj.accepted()).extracting(Reading::value).containsExactly(2.0);
        // a data logger's readings say which logger sent them
        IntakeResult fromLogger = intake.admit(new Origin("hj212", "HX20260001A0000000000001",
                "HX20260001A0000000000001", "ent-a", "127.0.0.1"), "hj212", "ent-a", java.util.List.of(
                new ReadingIntake.Candidate("A1", 1_799_999_999_000L, 2.0, Quality.N, "ok")), java.util.List.of(), NOW);
        assertThat(fromLogger.accepted()).extracting(Reading::source)
                .containsExactly("hj212:HX20260001A0000000000001");
    }

    @Test
    void binaryGarbageIsKeptAsBase64() {
        IntakeResult r = intake.accept(device, "parkwatch/ent-a/A1", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}, NOW);
        assertThat(r.rejected().get(0).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(r.rejected().get(0).rawEncoding()).isEqualTo("base64");
        assertThat(r.rejected().get(0).raw()).isEqualTo("//4A");
    }
}
