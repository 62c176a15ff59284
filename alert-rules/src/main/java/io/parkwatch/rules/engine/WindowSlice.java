package io.parkwatch.rules.engine;

/** The state of a rule over a window of recent samples (rate, trend, activity): the samples and its level machine. */
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
