package io.parkwatch.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.engine.RuleStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    static final Pattern ARG = Pattern.compile("\\{(\\d+)}");
    static final Pattern USED = Pattern.compile("Message\\.(of|term)\\(\"([a-z][a-z0-9.-]*)\"");

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() {
        Catalogue zh = Catalogue.chinese();
        Catalogue en = Catalogue.english();
        assertThat(zh.keys()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.keys());
        for (String key : zh.keys()) {
            String a = zh.text(key);
            assertThat(arguments(zh, key)).as("arguments of %s in zh-CN and en", key).isEqualTo(arguments(en, key));
            assertThat(a).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyTheCodeWritesIsInTheCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USED.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(2).endsWith(".")) {
                        continue; // a prefix completed from an enum ("level." + label): checked below
                    }
                    used.add(m.group(1).equals("term") ? "term." + m.group(2) : m.group(2));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        for (Locale l : Catalogue.LANGUAGES) {
            assertThat(Catalogue.of(l).keys()).as("keys in %s", l).containsAll(used);
        }
        // built from enum names, so not found by the scan above
        for (Level level : Level.values()) {
            assertThat(Catalogue.chinese().has("term.level." + level.label())).isTrue();
        }
        for (Quality q : Quality.values()) {
            assertThat(Catalogue.chinese().has("term.quality." + q)).isTrue();
        }
    }

    @Test
    void anAlertReadsInChineseAndInEnglishFromTheSameEvent() {
        RuleEngine engine = ParkFiles.engine(new ParkFiles.Text("points.yaml", """
                enterprises: [ { id: ent-a } ]
                points: [ { id: GT1, name: 1号罐区可燃气体探测器, enterprise: ent-a, kind: gas_lel, unit: "%LEL", range: [0, 100] } ]
                """), new ParkFiles.Text("rules.yaml", """
                rules: [ { id: gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 25, critical: 50 }, deadband: 2 } ]
                """), null);
        Point p = engine.point("GT1").orElseThrow();
        RuleStateStore<io.parkwatch.rules.engine.RuleSlice> store = RuleStateStore.over(new HashMap<>());
        engine.evaluate(p, new Reading("GT1", "ent-a", 0, 10, Quality.N, 0), store, 0);
        AlertEvent raised = engine.evaluate(p, new Reading("GT1", "ent-a", 1000, 38, Quality.N, 0), store, 0).get(0).event();
        AlertEvent critical = engine.evaluate(p, new Reading("GT1", "ent-a", 2000, 52, Quality.N, 0), store, 0).get(0).event();

        assertThat(Catalogue.chinese().render(raised.text())).isEqualTo("1号罐区可燃气体探测器：38 %LEL，达到或超过一级报警限值 25 %LEL");
        assertThat(Catalogue.chinese().render(critical.text()))
                .isEqualTo("1号罐区可燃气体探测器：52 %LEL，达到或超过二级报警限值 50 %LEL（原为一级报警）");
        // the English text stored beside it is the English catalogue's rendering of the same message
        assertThat(raised.message()).isEqualTo(Catalogue.english().render(raised.text()))
                .isEqualTo("1号罐区可燃气体探测器: 38 %LEL, at or above the alarm limit 25 %LEL");
        assertThat(raised.kind()).isEqualTo(PointKind.GAS_LEL);
    }

    @Test
    void listsAndConditionsJoinAsEachLanguageWritesThem() {
        Message accounts = Message.of("warning.demo-credentials", Message.list(java.util.List.of(
                Message.term("account.console", "duty"), Message.term("account.device", "huaxin-dl01"))));
        assertThat(Catalogue.chinese().render(accounts)).startsWith("演示密码仍在使用：控制台用户 duty、设备 huaxin-dl01。");
        assertThat(Catalogue.english().render(accounts))
                .startsWith("The shipped demo passwords are still in force for console user duty, device huaxin-dl01.");
        Message both = Message.of("alert.composite.raised", "R-1", "飞温", Message.all(java.util.List.of(
                Message.term("condition.rate", "TT", "1.50"), Message.term("condition.rate", "PT", "0.05"))));
        assertThat(Catalogue.chinese().render(both)).isEqualTo("R-1：飞温：TT 以 1.50/分钟上升，且 PT 以 0.05/分钟上升");
        assertThat(Catalogue.english().render(both)).isEqualTo("R-1: 飞温: TT rising 1.50/min and PT rising 0.05/min");
    }

    @Test
    void aMomentReadsOnTheParksClock() {
        Message refused = Message.of("refused.already-closed", Message.term("command.CLOSE"), "op", "duty",
                Message.time(1_796_018_400_000L)); // 2026-11-30T06:00:00Z
        assertThat(Catalogue.chinese().render(refused)).isEqualTo("op 的“消警”操作被拒绝：已由 duty 于 2026-11-30 14:00:00 消警");
        assertThat(Catalogue.english().inZone(java.time.ZoneId.of("UTC")).render(refused))
                .isEqualTo("close by op refused: already closed by duty at 2026-11-30 06:00:00");
    }

    @Test
    void aLanguageWithoutACatalogueReadsTheDefaultAndAMissingKeyShowsItself() {
        assertThat(Catalogue.supported(Locale.forLanguageTag("zh-TW"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Catalogue.supported(Locale.UK)).isEqualTo(Locale.ENGLISH);
        assertThat(Catalogue.supported(Locale.GERMAN)).isEqualTo(Catalogue.DEFAULT);
        assertThat(Catalogue.english().render(Message.of("no.such.key", 1))).isEqualTo("no.such.key [1]");
    }

    static Set<String> arguments(Catalogue c, String key) {
        Set<String> out = new TreeSet<>();
        // parse through MessageFormat so that a broken pattern fails here, not in front of a duty officer
        new MessageFormat(patternOf(c, key), Locale.ROOT);
        Matcher m = ARG.matcher(patternOf(c, key));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String patternOf(Catalogue c, String key) {
        return java.util.ResourceBundle.getBundle("io.parkwatch.rules.text.messages", c.locale(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key);
    }
}
