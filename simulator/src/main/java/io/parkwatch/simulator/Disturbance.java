package io.parkwatch.simulator;

/**
 * Something wrong with how readings reach the gateway rather than with the process: a frozen sensor,
 * a silent data logger, a logger clock that is off, batches delivered out of order. Seconds are
 * simulated seconds since the start.
 */
public sealed interface Disturbance {

    /** The point reports exactly {@code value}, no noise, from {@code from} to {@code to}. */
    record Stuck(String pointId, double from, double to, double value) implements Disturbance {
    }

    /** The enterprise's data logger sends nothing from {@code from} to {@code to}. */
    record Dropout(String enterpriseId, double from, double to) implements Disturbance {
    }

    /** The enterprise's logger stamps its readings {@code offsetMs} off (negative: its clock is behind). */
    record ClockSkew(String enterpriseId, long offsetMs) implements Disturbance {
    }

    /**
     * The enterprise's batches are held back a random time up to {@code maxDelaySeconds} (simulated), so
     * later ones overtake earlier ones; every {@code lateEvery}-th batch (0: none) comes {@code lateSeconds} late.
     */
    record Reorder(String enterpriseId, double maxDelaySeconds, int lateEvery, double lateSeconds)
            implements Disturbance {
    }
}
