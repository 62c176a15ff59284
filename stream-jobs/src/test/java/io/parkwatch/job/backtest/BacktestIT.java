package io.parkwatch.job.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.parkwatch.job.ParkConfig;
import io.parkwatch.rules.backtest.BacktestReport;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.RecordedReadings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestIT {

    static final double[] LEAK = {2, 3, 2, 8, 18, 27, 31, 38, 46, 52, 58, 61, 63, 57, 48, 36, 24, 22, 15, 6, 3, 2};

    @TempDir
    Path dir;

    @Test
    void recordedLeakRunsThroughTheJobCodeAndAStricterRuleIsComparedWithTheBaseline() throws Exception {
        String points = Files.readString(Path.of("../config/points.yaml"));
        String rules = Files.readString(Path.of("../config/rules.yaml"));
        Path csv = dir.resolve("leak.csv");
        StringBuilder sb = new StringBuilder("point,ts,value,quality\n");
        for (int i = 0; i < LEAK.length; i++) {
            sb.append("HX-T101-GT1,").append(1_767_225_600_000L + i * 1000L).append(',').append(LEAK[i]).append(",N\n");
        }
        Files.writeString(csv, sb);
        AtomicLong progress = new AtomicLong();
        List<Reading> readings = RecordedReadings.read(csv,
                PointRegistryFile.parse(YamlSource.parse("points.yaml", points)), progress::set);
        assertThat(readings).hasSize(LEAK.length);
        assertThat(progress.get()).isEqualTo(Files.size(csv));

        List<AlertEvent> events = Backtest.run(readings, new ParkConfig(points, rules, null), Duration.ofSeconds(5));
        assertThat(events.stream().filter(e -> e.ruleId().equals("combustible-gas")))
                .extracting(AlertEvent::type, AlertEvent::level, AlertEvent::eventTime).containsExactly(
                        tuple(AlertEventType.RAISED, Level.ALARM, 1_767_225_607_000L),
                        tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL, 1_767_225_611_000L),
                        tuple(AlertEventType.RECOVERED, Level.CRITICAL, 1_767_225_617_000L));

        // an engineer tries level 1 at 15 %LEL: the 18 %LEL reading now counts, so the alert comes 1 s earlier
        String earlier = rules.replace("high: { alarm: 25, critical: 50 }", "high: { alarm: 15, critical: 50 }");
        List<AlertEvent> candidate = Backtest.run(readings, new ParkConfig(points, earlier, null), Duration.ofSeconds(5));
        BacktestReport.Diff diff = BacktestReport.diff(candidate, events);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.moved()).containsExactly("combustible-gas HX-T101-GT1: 1 s earlier");

        StringWriter out = new StringWriter();
        BacktestReport.print(candidate, diff, readings.size(), 1234, new PrintWriter(out));
        assertThat(out.toString()).contains("22 readings", "alerts per rule:", "combustible-gas", "1 moved");
    }

    @Test
    void aBadLineStopsTheLoadWithItsLineNumber() throws Exception {
        Path jsonl = dir.resolve("r.jsonl");
        Files.writeString(jsonl, "{\"point\":\"HX-T101-GT1\",\"ts\":1,\"v\":2}\n{\"point\":\"NOPE\",\"ts\":2,\"v\":2}\n");
        String points = Files.readString(Path.of("../config/points.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordedReadings.read(jsonl,
                PointRegistryFile.parse(YamlSource.parse("points.yaml", points)), b -> { }))
                .hasMessage("r.jsonl:2: unknown point 'NOPE'");
    }
}
