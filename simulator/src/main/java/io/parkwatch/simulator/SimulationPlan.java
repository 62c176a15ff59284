package io.parkwatch.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What to simulate.
 *
 * @param brokerUrl    MQTT URL of the gateway, e.g. tcp://localhost:1883
 * @param logins       one data logger login per enterprise
 * @param incidents    scripted incidents on top of normal operation
 * @param duration     how much (simulated) time to run, or null to run until stopped
 * @param speed        1 = real time; N = N simulated seconds per wall second
 * @param interval     reporting interval of every point
 * @param seed         noise seed: the same seed gives the same values
 * @param disturbances frozen sensors, silent loggers, skewed clocks, out-of-order delivery
 */
public record SimulationPlan(String brokerUrl, List<DeviceLogin> logins, List<Incident> incidents, Duration duration,
        double speed, Duration interval, long seed, List<Disturbance> disturbances) {

    public SimulationPlan(String brokerUrl, List<DeviceLogin> logins, List<Incident> incidents, Duration duration,
            double speed, Duration interval, long seed) {
        this(brokerUrl, logins, incidents, duration, speed, interval, seed, List.of());
    }
}
