package io.parkwatch.rules.engine;

import io.parkwatch.rules.engine.LimitState;

/**
 * What one rule remembers about one point between readings. One class for every rule kind (unused
 * parts stay null) so a stream processor can keep all of a point's rules in one typed map state.
 */
public final class RuleState {

    /** Fingerprint of the rule definition this state was built for; a changed rule starts afresh. */
    public int ruleVersion;
    /** High-side (rising) alert machine. */
    public LimitState high;
    /** Low-side (falling) alert machine. */
    public LimitState low;
    /** Recent samples, for rules over a window (rate, trend, activity). */
    public SampleWindow samples;
    /** Stuck value: since when the value has stayed in a band, and the band's extent. */
    public long steadySince = LimitState.NONE;
    public double steadyMin;
    public double steadyMax;

    public RuleState() {
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

    public SampleWindow samples(int capacity) {
        if (samples == null) {
            samples = new SampleWindow(capacity);
        }
        return samples;
    }

    /** True when nothing is pending or open and no samples are needed: the state can be dropped. */
    public boolean isIdle() {
        return (high == null || high.isIdle()) && (low == null || low.isIdle()) && samples == null
                && steadySince == LimitState.NONE;
    }
}
