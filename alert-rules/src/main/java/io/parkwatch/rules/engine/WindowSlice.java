package io.parkwatch.rules.engine;

/**
 * The state of a rate, trend or activity rule in the versions before the shared {@link PointHistory}: its own
 * window of samples and its level machine. Nothing writes it any more; kept, unchanged in name and fields, so that
 * their checkpoints restore: the engine takes its samples into the point's history and its level machine into the
 * kind's present state ({@link RuleSlice#continueFrom}).
 */
public class WindowSlice extends LimitSlice {

    /** Recent samples, or null while none are needed. */
    public SampleWindow samples;

    public WindowSlice() {
    }

    public SampleWindow samples(int capacity) {
        if (samples == null) {
            samples = new SampleWindow(capacity);
        }
        return samples;
    }

    @Override
    public boolean isIdle() {
        return super.isIdle() && samples == null;
    }

    @Override
    public void takeOver(RuleState legacy) {
        super.takeOver(legacy);
        samples = legacy.samples;
    }
}
