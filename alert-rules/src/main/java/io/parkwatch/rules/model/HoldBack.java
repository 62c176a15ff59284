package io.parkwatch.rules.model;

/**
 * Why an active alarm is shown and recorded but not announced, in the words of ISA-18.2 / IEC 62682. None of
 * them ever holds back a level-2 gas alarm ({@link #neverHeldBack}): a real release during work, a repair or a
 * shut-down is exactly when it matters.
 */
public enum HoldBack {
    /** a maintenance permit covers the point (屏蔽) */
    MASKED,
    /** an operator's timed act, with a reason */
    SHELVED,
    /** the instrument is removed from service (repair, replacement) */
    OUT_OF_SERVICE,
    /** the plant's operating mode (start-up, shut-down, turnaround) makes the alarm meaningless */
    SUPPRESSED_BY_MODE;

    /** The state an active alarm held back for this reason shows. */
    public AlertState state() {
        return AlertState.valueOf(name());
    }

    /** A level-2 (critical) gas alarm, GB/T 50493: nothing may hold it back. */
    public static boolean neverHeldBack(PointKind kind, Level level) {
        return kind != null && kind.isGas() && level == Level.CRITICAL;
    }
}
