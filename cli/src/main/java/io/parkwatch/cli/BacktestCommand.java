package io.parkwatch.cli;

import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.backtest.Backtest;
import io.parkwatch.rules.backtest.BacktestReport;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.RecordedReadings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parkwatch backtest}: recorded readings through the job's rule code, with a summary and a baseline comparison. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run recorded readings (CSV or JSON lines) through the rules, as fast as possible, and report the alerts.")
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--readings", required = true, description = "recorded readings: .csv (point,ts,value[,quality]) or .jsonl")
    Path readings;

    @Option(names = "--rules", required = true, description = "the rule file to test")
    Path rules;

    @Option(names = "--baseline", description = "a rule file to compare with: which alerts the new rules add, remove or move")
    Path baseline;

    @Option(names = "--points", defaultValue = "config/points.yaml", description = "point registry (default: ${DEFAULT-VALUE})")
    Path points;

    @Option(names = "--out-of-orderness", defaultValue = "5s", description = "allowed lateness of readings (default: ${DEFAULT-VALUE})")
    String outOfOrderness;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String pointsYaml = Files.readString(points);
        ParkConfig candidate = new ParkConfig(pointsYaml, Files.readString(rules), null);
        var engine = ParkFiles.engine(new ParkFiles.Text(points.toString(), pointsYaml),
                new ParkFiles.Text(rules.toString(), candidate.rulesYaml()), null); // refuses a bad file with its line
        ParkConfig base = null;
        if (baseline != null) {
            base = new ParkConfig(pointsYaml, Files.readString(baseline), null);
            ParkFiles.engine(new ParkFiles.Text(points.toString(), pointsYaml),
                    new ParkFiles.Text(baseline.toString(), base.rulesYaml()), null);
        }
        List<Reading> recorded;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("reading " + readings.getFileName())
                .setInitialMax(Files.size(readings)).setStyle(ProgressBarStyle.ASCII).setUnit(" KB", 1024)
                .continuousUpdate().build()) {
            recorded = RecordedReadings.read(readings, engine.registry(), bar::stepTo);
        }
        Duration lateness = io.parkwatch.rules.config.Durations.parse(outOfOrderness);
        long t0 = System.nanoTime();
        out.println("running " + recorded.size() + " readings through " + engine.rules().rules().size() + " rules...");
        out.flush();
        List<AlertEvent> events = Backtest.run(recorded, candidate, lateness);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        BacktestReport.Diff diff = base == null ? null : BacktestReport.diff(events, Backtest.run(recorded, base, lateness));
        BacktestReport.print(events, diff, recorded.size(), ms, out);
        return 0;
    }
}
