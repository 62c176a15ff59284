package io.parkwatch.rules.dataquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted hour checked against a hand count. P1 reports every 10 s (360 expected) but is silent from 30:00 to
 * 40:00: 180 + 120 = 300 readings; online 1,790 + 30 s after its last reading before the gap, then 1,190 + 10 s up
 * to the hour's end = 3,020 s (83.9 %); 200 readings arrive 100 ms after their time and 100 after 1.5 s; 30 are
 * flagged fault and 6 read 120 on a 0-100 instrument (12 % abnormal). P2, on the same logger, reports all hour after
 * 200 ms.
 */
class DataQualityTest {

    static final long H = 1_796_083_200_000L; // an hour's start
    static final Point P1 = point("P1");
    static final Point P2 = point("P2");

    @Test
    void anHourOfAPointMatchesTheHandCount() {
        PointQuality q = p1Hour();
        assertThat(q.expected()).isEqualTo(360);
        assertThat(q.received()).isEqualTo(300);
        assertThat(q.completeness()).isCloseTo(300 / 360.0, within(1e-9));
        assertThat(q.onlineMs()).isEqualTo(3_020_000);
        assertThat(q.abnormal()).isEqualTo(36);
        assertThat(q.abnormalShare()).isCloseTo(0.12, within(1e-9));
        assertThat(q.delays().quantile(0.5)).isCloseTo(100, within(2L));
        assertThat(q.delays().quantile(0.95)).isCloseTo(1500, within(30L));
    }

    @Test
    void pointsAddUpToTheirLoggerAndEnterprise() {
        PointHour h2 = PointHour.starting(H, 0);
        for (int s = 0; s < 3600; s += 10) {
            h2.add(reading("P2", s, 200, 50, Quality.N), P2);
        }
        List<QualityFigures> rows = QualityRollup.of(List.of(p1Hour(), h2.close(P2)));
        assertThat(rows).extracting(QualityFigures::level, QualityFigures::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("point", "P1"), org.assertj.core.groups.Tuple.tuple("point", "P2"),
                org.assertj.core.groups.Tuple.tuple("logger", "dl-1"),
                org.assertj.core.groups.Tuple.tuple("enterprise", "ent-a"));
        QualityFigures logger = rows.get(2);
        assertThat(logger.onlineRate()).isEqualTo(1.0); // P2 kept the logger online all hour
        assertThat(logger.completeness()).isCloseTo(660 / 720.0, within(1e-4));
        assertThat(logger.delayMedianMs()).isCloseTo(200, within(4L));
        assertThat(logger.delayP95Ms()).isCloseTo(1500, within(30L));
        assertThat(logger.abnormalShare()).isCloseTo(36 / 660.0, within(1e-4));
        assertThat(rows.get(0).onlineRate()).isCloseTo(3020 / 3600.0, within(1e-4));
    }

    @Test
    void aSilentHourIsOfflineAndEmptyAndOnlineTimeRunsOnFromTheHourBefore() {
        assertThat(PointHour.starting(H, 0).close(P1).onlineRate()).isZero();
        // the last reading 10 s before the hour: online for the 20 s left of its three intervals
        assertThat(PointHour.starting(H, H - 10_000).close(P1).onlineMs()).isEqualTo(20_000);
    }

    static PointQuality p1Hour() {
        PointHour h = PointHour.starting(H, 0);
        int n = 0;
        for (int s = 0; s < 3600; s += 10) {
            if (s >= 1800 && s < 2400) {
                continue;
            }
            Quality flag = n < 30 ? Quality.D : Quality.N;
            double value = n >= 30 && n < 36 ? 120 : 50;
            h.add(reading("P1", s, n < 200 ? 100 : 1500, value, flag), P1);
            n++;
        }
        h.add(reading("P1", 3590, 100, 50, Quality.N), P1); // sent twice: counted once
        return h.close(P1);
    }

    static Reading reading(String point, int second, long delayMs, double value, Quality q) {
        long t = H + second * 1000L;
        return new Reading(point, "ent-a", t, value, q, t + delayMs);
    }

    static Point point(String id) {
        return new Point(id, "ent-a", PointKind.TEMPERATURE, "℃", 0, 100, Duration.ofSeconds(10), null, null, id,
                Map.of(), "dl-1");
    }
}
