package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.ingest.intake.ReadingIntake.Candidate;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.ReadingStats;
import io.parkwatch.rules.model.RejectReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Hj212DecodingTest {

    static final Hj212Logger LOGGER = new Hj212Logger("XY01", "ent-x", "$2a$04$x",
            Map.of("a21028", "H2S-1", "a01001", "TT-1", "a21005", "CO-1"));
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static Hj212Packet packet(String cn, String cp) {
        return Hj212Packet.parse("QN=20260801085857223;ST=22;CN=" + cn + ";PW=123456;MN=XY01;Flag=5;CP=&&" + cp + "&&");
    }

    @Test
    void realTimeValuesBecomeReadingsWithTheirDataFlags() {
        Hj212Decoding.Decoded d = Hj212Decoding.decode(packet("2011",
                "DataTime=20260801085800;a21028-Rtd=1.25,a21028-Flag=N;a01001-Rtd=35.2,a01001-Flag=D;"
                        + "a21005-Rtd=3.1,a21005-Flag=C;a99999-Rtd=1,a99999-Flag=N;a21028x-Rtd=abc"), LOGGER, CHINA, 0);
        long t = Instant.parse("2026-08-01T00:58:00Z").toEpochMilli(); // 08:58 in Beijing
        assertThat(d.readings()).extracting(Candidate::pointId, Candidate::timestamp, Candidate::value, Candidate::quality)
                .containsExactly(tuple("H2S-1", t, 1.25, Quality.N), tuple("TT-1", t, 35.2, Quality.D),
                        tuple("CO-1", t, 3.1, Quality.C));
        assertThat(d.refusals()).extracting(Hj212Decoding.Refusal::reason)
                .containsExactly(RejectReason.UNKNOWN_CODE, RejectReason.UNKNOWN_CODE);
        assertThat(d.refusals().get(0).detail()).contains("a99999");
        assertThat(d.stats()).isEmpty();
    }

    @Test
    void minuteHourAndDayDataBecomeIntervalStatistics() {
        for (var cn : Map.of("2051", "minute", "2061", "hour", "2031", "day").entrySet()) {
            Hj212Decoding.Decoded d = Hj212Decoding.decode(packet(cn.getKey(),
                    "DataTime=20260801080000;a21028-Avg=1.1,a21028-Min=0.5,a21028-Max=2.5,a21028-Flag=N;"
                            + "a01001-Avg=x,a01001-Flag=N"), LOGGER, CHINA, 7);
            assertThat(d.readings()).isEmpty();
            assertThat(d.stats()).extracting(ReadingStats::pointId, ReadingStats::interval, ReadingStats::avg,
                    ReadingStats::min, ReadingStats::max).containsExactly(tuple("H2S-1", cn.getValue(), 1.1, 0.5, 2.5));
            assertThat(d.refusals()).extracting(Hj212Decoding.Refusal::reason)
                    .containsExactly(RejectReason.MISSING_VALUE); // a01001-Avg=x is no number
        }
    }

    @Test
    void aMissingOrBadDataTimeRefusesThePacketAndABadValueOnlyItself() {
        assertThat(Hj212Decoding.decode(packet("2011", "a21028-Rtd=1"), LOGGER, CHINA, 0).refusals())
                .extracting(Hj212Decoding.Refusal::reason).containsExactly(RejectReason.MISSING_TIMESTAMP);
        assertThat(Hj212Decoding.decode(packet("2011", "DataTime=2026-08-01;a21028-Rtd=1"), LOGGER, CHINA, 0).refusals())
                .extracting(Hj212Decoding.Refusal::reason).containsExactly(RejectReason.BAD_TIMESTAMP);
        Hj212Decoding.Decoded d = Hj212Decoding.decode(packet("2011",
                "DataTime=20260801085800;a21028-Rtd=high,a21028-Flag=N;a01001-Rtd=20,a01001-Flag=Q;a21005-Flag=N"),
                LOGGER, CHINA, 0);
        assertThat(d.refusals()).extracting(Hj212Decoding.Refusal::reason).containsExactly(
                RejectReason.NON_NUMERIC_VALUE, RejectReason.BAD_QUALITY_FLAG, RejectReason.MISSING_VALUE);
    }
}
