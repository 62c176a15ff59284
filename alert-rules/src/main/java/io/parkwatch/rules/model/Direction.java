package io.parkwatch.rules.model;

/** Whether a limit is crossed going up (high alarm) or going down (low alarm). */
public enum Direction {
    HIGH,
    LOW;

    public boolean exceeds(double value, double limit) {
        return this == HIGH ? value >= limit : value <= limit;
    }

    /** True when {@code value} is back on the safe side of {@code limit} by more than {@code deadband}. */
    public boolean clearOf(double value, double limit, double deadband) {
        return this == HIGH ? value < limit - deadband : value > limit + deadband;
    }
}
