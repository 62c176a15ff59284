package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parkwatch rules report}: the master alarm database of a rule file, as CSV and as Markdown. */
class RulesReportTest {

    @TempDir
    Path tmp;

    String run(String... args) {
        CommandLine c = ParkWatchCli.commandLine(Locale.SIMPLIFIED_CHINESE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        c.setOut(new PrintWriter(out));
        c.setErr(new PrintWriter(err));
        assertThat(c.execute(args)).as(err.toString()).isZero();
        return out + "\n" + err;
    }

    @Test
    void eachAlarmWithItsRationalizationAndThoseWithoutListed() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                rules:
                  - id: gas
                    type: threshold
                    match: { kind: gas_lel }
                    high: { alarm: 25, critical: 50 }
                    rationale: { cause: "泄漏, 或探头故障", action: 切断泄漏源, response-time: 5m, priority: high, class: safety }
                    rationale-for-points:
                      HX-T101-GT1: { cause: 防火堤内泄漏, action: 关闭 T-101 根部阀, response-time: 3m, priority: high }
                  - id: h2s
                    type: threshold
                    match: { kind: gas_toxic }
                    high: { alarm: 7 }
                """);
        String csv = run("rules", "report", "-c", "../config/parkwatch.yaml", "--points", "../config/points.yaml",
                "--format", "csv", "--file", rules.toString());
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .readValues(csv.substring(0, csv.indexOf("\n\n")))) {
            List<List<String>> rows = it.readAll();
            assertThat(rows.get(0)).startsWith("规则", "点位", "类型");
            assertThat(rows.get(1)).startsWith("gas", "", "threshold").contains("泄漏, 或探头故障", "切断泄漏源", "5m");
            assertThat(rows.get(2)).startsWith("gas", "HX-T101-GT1").contains("关闭 T-101 根部阀", "3m");
            assertThat(rows.get(3)).startsWith("h2s", "");
        }
        assertThat(csv).contains("尚未合理化的规则（1 条）：h2s");
        String md = run("rules", "report", "-c", "../config/parkwatch.yaml", "--points", "../config/points.yaml",
                "--file", rules.toString());
        assertThat(md).contains("# 主报警数据库", "| gas | HX-T101-GT1 | threshold |", "尚未合理化的规则（1 条）：h2s");
    }
}
