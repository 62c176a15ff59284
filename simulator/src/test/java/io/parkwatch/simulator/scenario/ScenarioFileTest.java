package io.parkwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.YamlSource;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    static final String EVENTS = """
              - name: release
                start: 5s
                points:
                  HX-T101-GT1: [[0, 1], [30, 40]]
            """;

    @Test
    void physicalEventsAndExpectedIncidentsHaveTheirOwnKeysAndOldFilesStillRead() {
        Scenario now = ScenarioFile.parse(YamlSource.parse("new.yaml", """
                name: n
                duration: 1m
                physical-events:
                """ + EVENTS + """
                expect-incidents:
                  - first-out: { rule: combustible-gas-rate, subject: HX-T101-GT1 }
                    grouped: [HX-T101-GT2, "zone:HX-Z1"]
                    scope: process
                """), null);
        assertThat(now.physicalEvents()).hasSize(1);
        assertThat(now.expectedIncidents()).containsExactly(new Scenario.ExpectedIncident("combustible-gas-rate",
                "HX-T101-GT1", java.util.List.of("HX-T101-GT2", "zone:HX-Z1"), "process"));
        Scenario old = ScenarioFile.parse(YamlSource.parse("old.yaml", "name: o\nduration: 1m\nincidents:\n" + EVENTS),
                null);
        assertThat(old.physicalEvents()).hasSize(1);
        assertThat(old.expectedIncidents()).isEmpty();
    }

    @Test
    void mistakesInExpectedIncidentsAreReportedWithLineAndField() {
        assertThatThrownBy(() -> ScenarioFile.parse(YamlSource.parse("bad.yaml", """
                name: b
                duration: 1m
                expect-incidents:
                  - first-out: { rule: combustible-gas }
                    scope: everything
                """), null)).hasMessageContaining("bad.yaml:4").hasMessageContaining("subject")
                .hasMessageContaining("bad.yaml:5").hasMessageContaining("must be one of [process, data, link], not 'everything'");
        assertThatThrownBy(() -> ScenarioFile.parse(YamlSource.parse("both.yaml", "name: b\nduration: 1m\n"
                + "incidents:\n" + EVENTS + "physical-events:\n" + EVENTS), null))
                .hasMessageContaining("earlier name of physical-events");
    }
}
