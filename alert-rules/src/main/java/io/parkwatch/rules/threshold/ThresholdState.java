package io.parkwatch.rules.threshold;

/** State of one threshold rule on one point: the high side and the low side are independent alerts. */
public final class ThresholdState {

    public LimitState high = new LimitState();
    public LimitState low = new LimitState();

    public ThresholdState() {
    }

    /** True when nothing is pending or open, so the state can be dropped. */
    public boolean isIdle() {
        return high.isIdle() && low.isIdle();
    }
}
