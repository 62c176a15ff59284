package io.parkwatch.rules.engine;

/** The state of a rule that keeps a level machine per side: high (rising) and low (falling). */
public class LimitSlice extends RuleSlice {

    /** High-side (rising) alert machine, or null while it has nothing to remember. */
    public LimitState high;
    /** Low-side (falling) alert machine. */
    public LimitState low;

    public LimitSlice() {
    }

    public LimitState high() {
        if (high == null) {
            high = new LimitState();
        }
        return high;
    }

    public LimitState low() {
        if (low == null) {
            low = new LimitState();
        }
        return low;
    }

    @Override
    public boolean isIdle() {
        return (high == null || high.isIdle()) && (low == null || low.isIdle());
    }

    @Override
    public void keepOpenAlertsOf(RuleSlice previous) {
        if (previous instanceof LimitSlice p) {
            if (p.high != null && p.high.open != null) {
                high().open = p.high.open;
            }
            if (p.low != null && p.low.open != null) {
                low().open = p.low.open;
            }
        }
    }

    @Override
    public void continueFrom(RuleSlice earlier) {
        if (earlier instanceof LimitSlice p) {
            high = p.high;
            low = p.low;
        }
    }

    @Override
    public void takeOver(RuleState legacy) {
        high = legacy.high;
        low = legacy.low;
    }
}
