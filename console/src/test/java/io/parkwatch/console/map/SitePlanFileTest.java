package io.parkwatch.console.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertCommand.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SitePlanFileTest {

    static final PointRegistry PARK = PointRegistryFile.load(Path.of("../config/points.yaml"));

    @Test
    void theDemoParkPlacesEveryPointAndAnOperatorSeesOnlyTheirPlant() {
        SitePlan plan = SitePlanFile.load(Path.of("../config/site-plan.yaml"), PARK);
        assertThat(plan.areas()).extracting(SitePlan.Area::enterprise)
                .containsExactly("ent-huaxin", "ent-donghai", "ent-xinyuan");
        assertThat(SitePlanFile.unplaced(plan, PARK)).isEmpty();
        ConsoleUser op = new ConsoleUser("huaxin", "Zhang", Role.ENTERPRISE_OPERATOR, "ent-huaxin", "x");
        assertThat(plan.visibleTo(op).areas()).extracting(SitePlan.Area::enterprise).containsExactly("ent-huaxin");
        assertThat(plan.visibleTo(op).outline()).hasSize(4); // the park's outline stays, for orientation
    }

    @Test
    void aBackgroundImageNextToThePlanGoesToThePageInline(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("plan.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        java.nio.file.Files.writeString(dir.resolve("site-plan.yaml"), """
                size: [100, 100]
                background: plan.svg
                enterprises:
                  - { enterprise: ent-huaxin, area: [[0, 0], [50, 0], [50, 50]] }
                """);
        SitePlan plan = SitePlanFile.load(dir.resolve("site-plan.yaml"), PARK);
        assertThat(plan.background()).startsWith("data:image/svg+xml;base64,");
        java.nio.file.Files.writeString(dir.resolve("site-plan.yaml"), "size: [100, 100]\nbackground: ../etc/passwd\n");
        assertThatThrownBy(() -> SitePlanFile.load(dir.resolve("site-plan.yaml"), PARK))
                .hasMessageContaining("site-plan.yaml:2:").hasMessageContaining("must be the name of a .png, .jpg or .svg file");
    }

    @Test
    void everyMistakeOfTheFileIsReportedWithItsLineAndField() {
        String yaml = """
                size: [1000, 600]
                outline: [[0, 0], [1000, 0]]
                enterprises:
                  - enterprise: ent-nope
                    area: [[0, 0], [10, 0], [10, 10]]
                  - enterprise: ent-huaxin
                    area: [[0, 0], [500, 0], [500, 300], [0, 300]]
                    units:
                      - { id: T-999, circle: [100, 100], r: 10 }
                      - { id: T-101, circle: [1200, 100], r: 10 }
                      - { id: T-102, r: 10 }
                    points:
                      - { id: DH-V201-PT, at: [10, 10] }
                      - { id: HX-T101-GT1, at: [10, 10] }
                      - { id: HX-T101-GT1, at: [20, 20] }
                      - { id: HX-T101-GT2, at: [10] }
                    colour: red
                """;
        assertThatThrownBy(() -> SitePlanFile.parse(YamlSource.parse("site-plan.yaml", yaml), PARK))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("site-plan.yaml:2:").hasMessageContaining("needs at least three corners")
                .hasMessageContaining("site-plan.yaml:4:").hasMessageContaining("unknown enterprise 'ent-nope'")
                .hasMessageContaining("site-plan.yaml:9:").hasMessageContaining("'T-999' is not a tank or unit of enterprise 'ent-huaxin'")
                .hasMessageContaining("site-plan.yaml:10:").hasMessageContaining("[1200.0, 100.0] lies outside the plan (size 1000 x 600)")
                .hasMessageContaining("site-plan.yaml:11:").hasMessageContaining("needs either circle")
                .hasMessageContaining("site-plan.yaml:13:").hasMessageContaining("'DH-V201-PT' is not a point of enterprise 'ent-huaxin'")
                .hasMessageContaining("site-plan.yaml:15:").hasMessageContaining("duplicate point 'HX-T101-GT1'")
                .hasMessageContaining("site-plan.yaml:16:").hasMessageContaining("must be two numbers")
                .hasMessageContaining("colour");
    }
}
