package io.parkwatch.simulator.scenario;

import io.parkwatch.simulator.Disturbance;
import io.parkwatch.simulator.Incident;
import java.time.Duration;
import java.util.List;

/**
 * A scripted situation in the demo park and the alerts it must produce (see scenarios/*.yaml).
 *
 * @param duration     simulated time
 * @param speed        simulated seconds per wall second (timestamps stay in the past when above 1)
 * @param maintenance  permits to put in force for the run, relative to its start
 * @param physicalEvents what happens in the park: points following a profile (file key {@code physical-events};
 *                     {@code incidents} in files of earlier versions)
 * @param expected     the alerts it must raise
 * @param allowed      rules whose alerts may come and do not count as unexpected (companions of the real ones)
 * @param expectedIncidents the incidents the job must group its alarms into (file key {@code expect-incidents});
 *                     when given, any other incident opened during the run is unexpected
 */
public record Scenario(String name, String description, Duration duration, double speed, Duration interval, long seed,
        List<Incident> physicalEvents, List<Disturbance> disturbances, List<Permit> maintenance,
        List<ExpectedAlert> expected, List<String> allowed, List<ExpectedIncident> expectedIncidents) {

    public Scenario {
        expectedIncidents = expectedIncidents == null ? List.of() : List.copyOf(expectedIncidents);
    }

    /** The same scenario at another speed. */
    public Scenario atSpeed(double newSpeed) {
        return new Scenario(name, description, duration, newSpeed, interval, seed, physicalEvents, disturbances,
                maintenance, expected, allowed, expectedIncidents);
    }

    /**
     * An incident the scenario must produce: its first-out, the subjects that must be grouped under it, its scope.
     *
     * @param scope process or data, or null for either
     */
    public record ExpectedIncident(String firstOutRule, String firstOutSubject, List<String> grouped, String scope) {

        public String describe() {
            return "incident with first-out " + firstOutRule + " on " + firstOutSubject
                    + (grouped.isEmpty() ? "" : ", grouping " + String.join(", ", grouped))
                    + (scope == null ? "" : " (" + scope + ")");
        }
    }

    /** A maintenance permit masking points from {@code from} to {@code to} after the start. */
    public record Permit(String permit, List<String> points, Duration from, Duration to, String reason) {
    }

    /**
     * An alert the scenario must raise.
     *
     * @param subject      the point, or a group subject such as zone:HX-Z1 or logger:ent-donghai
     * @param level        its level when raised
     * @param reaches      the highest level it must reach, or null
     * @param from         earliest event time after the start
     * @param to           latest event time after the start
     * @param maskedBy     the permit that must mask it, or null
     */
    public record ExpectedAlert(String rule, String subject, String level, String reaches, Duration from, Duration to,
            String maskedBy) {

        public String describe() {
            return rule + " on " + subject + " (" + level + (reaches == null ? "" : " reaching " + reaches) + ", "
                    + from.toSeconds() + "-" + to.toSeconds() + " s" + (maskedBy == null ? "" : ", masked by "
                    + maskedBy) + ")";
        }
    }
}
