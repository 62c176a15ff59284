package io.parkwatch.console.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.fixtures.influx.InfluxV1Server;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history reader against a real InfluxDB 1.6 (Debian's influxdb): a day of readings written as the rules job
 * writes them, read back over InfluxQL and downsampled by the server.
 */
class InfluxHistoryIT {

    static final long DAY_START = 1_795_996_800_000L; // 2026-12-01T00:00:00Z
    @TempDir
    static Path dir;
    static InfluxV1Server influx;

    @BeforeAll
    static void start() throws Exception {
        if ("1".equals(System.getenv("PARKWATCH_REQUIRE_INFLUXDB"))) {
            assertThat(InfluxV1Server.installed()).as("influxd (Debian: influxdb)").isTrue();
        }
        Assumptions.assumeTrue(InfluxV1Server.installed(), "influxd not installed");
        influx = InfluxV1Server.start(dir.resolve("influx"));
        influx.execute("CREATE DATABASE parkwatch");
        // one reading every 10 s for a day: the value is the hour of the day, so each hour's mean is known
        StringBuilder lines = new StringBuilder();
        for (long t = DAY_START; t < DAY_START + 86_400_000L; t += 10_000) {
            long hour = (t - DAY_START) / 3_600_000L;
            lines.append("reading,enterprise=ent-huaxin,point=HX-T101-GT1,quality=N,kind=gas_lel value=")
                    .append(hour).append(' ').append(t).append('\n');
        }
        lines.append("reading,enterprise=ent-huaxin,point=OTHER,quality=N value=999 ").append(DAY_START).append('\n');
        influx.write("parkwatch", lines.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (influx != null) {
            influx.close();
        }
    }

    @Test
    void aDayComesBackAsOneMeanPerBucketComputedByTheServer() throws Exception {
        InfluxHistory history = new InfluxHistory(influx.url(), "parkwatch", "");
        List<HistorySource.Sample> day = history.between("HX-T101-GT1", DAY_START, DAY_START + 86_400_000L - 1, 24);
        assertThat(day).hasSize(24);
        for (int h = 0; h < 24; h++) {
            assertThat(day.get(h).t()).isEqualTo(DAY_START + h * 3_600_000L);
            assertThat(day.get(h).v()).isEqualTo(h); // the mean of the hour's 360 readings
        }
        // a chart's worth over the day: at most what was asked, never the 8,640 raw readings
        assertThat(history.between("HX-T101-GT1", DAY_START, DAY_START + 86_400_000L, 720)).hasSizeBetween(700, 721);
        // ten minutes at full resolution
        assertThat(history.between("HX-T101-GT1", DAY_START, DAY_START + 600_000L - 1, 720)).hasSize(60);
    }

    @Test
    void aPointIdCannotChangeTheQueryAndAMissingDatabaseIsAClearError() throws Exception {
        InfluxHistory history = new InfluxHistory(influx.url(), "parkwatch", "");
        assertThat(history.between("X' OR point='OTHER", DAY_START, DAY_START + 86_400_000L, 24)).isEmpty();
        assertThat(InfluxHistory.quoted("a'b\\c")).isEqualTo("a\\'b\\\\c");
        assertThatThrownBy(() -> new InfluxHistory(influx.url(), "nope", "").between("HX-T101-GT1", DAY_START,
                DAY_START + 1000, 10)).hasMessageContaining("database not found");
    }
}
