package io.parkwatch.simulator;

import java.util.Map;

/**
 * A scripted incident: from {@code startSecond} on, the listed points follow their profiles (in
 * seconds since the incident began) instead of normal operation; noise still applies.
 */
public record Incident(String name, double startSecond, Map<String, Profile> profiles) {

    public double endSecond() {
        return startSecond + profiles.values().stream().mapToDouble(Profile::endSecond).max().orElse(0);
    }

    /** The combustible gas leak at tank T-101: detector 1 passes 25 and 50 %LEL and falls back; detector 2 sees a little. */
    public static Incident gasLeakAtT101(double startSecond) {
        return new Incident("gas leak at T-101", startSecond, Map.of(
                "HX-T101-GT1", Profile.of(0, 1, 10, 6, 25, 30, 38, 58, 50, 62, 60, 40, 70, 20, 85, 3),
                "HX-T101-GT2", Profile.of(0, 1, 10, 2, 25, 9, 38, 16, 50, 17, 60, 12, 70, 6, 85, 1)));
    }
}
