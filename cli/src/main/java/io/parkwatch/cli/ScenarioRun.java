package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.platform.kafka.TopicFollower;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.SimulationPlan;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario against a running ParkWatch: puts its maintenance permits in force, publishes it
 * through the gateway, and (with verification) reads {@code parkwatch.alert-events} to compare what
 * was raised with what the scenario expects.
 */
final class ScenarioRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRun.class);
    /** After the last reading: how long to wait for expected alerts still on their way (group rules wait for the watermark). */
    static final Duration SETTLE = Duration.ofSeconds(45);

    private ScenarioRun() {
    }

    static Verification.Report run(Scenario s, PointRegistry park, List<DeviceLogin> logins, String mqttUrl,
            String kafka, boolean verify) throws Exception {
        return run(s, park, logins, mqttUrl, kafka, verify, null);
    }

    /** With {@code uplink} (e.g. HJ 212 data loggers) instead of MQTT when not null. */
    static Verification.Report run(Scenario s, PointRegistry park, List<DeviceLogin> logins, String mqttUrl,
            String kafka, boolean verify, io.parkwatch.simulator.Uplink uplink) throws Exception {
        long wallStart = System.currentTimeMillis();
        long intervalMs = s.interval().toMillis();
        // the simulator starts its clock this far back when it runs faster than real time
        long plannedStart = s.speed() > 1 ? wallStart - s.duration().toMillis() - intervalMs : wallStart;
        if (!s.maintenance().isEmpty()) {
            putPermitsInForce(s, kafka, plannedStart);
        }
        List<AlertEvent> events = new CopyOnWriteArrayList<>();
        TopicFollower follower = verify ? TopicFollower.since(kafka, Topics.ALERT_EVENTS, "parkwatch-scenario-verify",
                System.currentTimeMillis() - 1000, r -> events.add(WireJson.alertEvent(r.value()))) : null;
        List<IncidentEvent> incidents = new CopyOnWriteArrayList<>();
        TopicFollower incidentFollower = verify && !s.expectedIncidents().isEmpty() ? TopicFollower.since(kafka,
                Topics.INCIDENTS, "parkwatch-scenario-verify-incidents", System.currentTimeMillis() - 1000,
                r -> incidents.add(WireJson.read(r.value(), IncidentEvent.class))) : null;
        try {
            SimulationPlan plan = new SimulationPlan(mqttUrl, logins, s.physicalEvents(), s.duration(), s.speed(),
                    s.interval(), s.seed(), s.disturbances());
            long start;
            ParkSimulator simulator = new ParkSimulator(park, plan);
            try (ParkSimulator sim = uplink == null ? simulator.connect() : simulator.connect(uplink)) {
                LOG.info("scenario {}: {} of simulated time at {}x", s.name(), s.duration(), s.speed());
                sim.run();
                start = sim.simulationStart();
            }
            long end = start + s.duration().toMillis();
            if (!verify) {
                return null;
            }
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline && !allSeen(Verification.verify(s, events, incidents, start, end))) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
            TimeUnit.SECONDS.sleep(5); // a quiet period: anything unexpected still on its way shows up
            return Verification.verify(s, events, incidents, start, end);
        } finally {
            if (follower != null) {
                follower.close();
            }
            if (incidentFollower != null) {
                incidentFollower.close();
            }
        }
    }

    private static boolean allSeen(Verification.Report r) {
        return r.outcomes().stream().allMatch(Verification.Outcome::ok)
                && r.incidents().stream().allMatch(Verification.IncidentOutcome::ok);
    }

    /** Adds the scenario's permits, at times relative to its start, to the maintenance windows in force. */
    private static void putPermitsInForce(Scenario s, String kafka, long start) throws Exception {
        ConfigDocument current = ConfigTopic.latest(kafka).get(ConfigDocument.MAINTENANCE);
        StringBuilder yaml = new StringBuilder(current == null || current.yaml().isBlank() ? "windows:\n"
                : current.yaml().stripTrailing() + "\n");
        for (Scenario.Permit p : s.maintenance()) {
            yaml.append("  - permit: ").append(p.permit()).append('\n')
                    .append("    points: [").append(String.join(", ", p.points())).append("]\n")
                    .append("    from: ").append(Instant.ofEpochMilli(start + p.from().toMillis())).append('\n')
                    .append("    to: ").append(Instant.ofEpochMilli(start + p.to().toMillis())).append('\n')
                    .append("    reason: \"scenario ").append(s.name()).append(": ")
                    .append(p.reason() == null ? "" : p.reason().replace("\"", "'")).append("\"\n");
        }
        ConfigTopic.publish(kafka, new ConfigDocument(ConfigDocument.MAINTENANCE, yaml.toString(), "scenario " + s.name(),
                System.currentTimeMillis()));
        LOG.info("scenario {}: {} maintenance permit(s) put in force", s.name(), s.maintenance().size());
        TimeUnit.SECONDS.sleep(3); // the job takes configuration within a second or two
    }
}
