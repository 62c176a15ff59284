package io.parkwatch.rules.shutdown;

import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.WindowSlice;

/**
 * What a shut-down activity rule remembers about a point: its level machine, and since when the plant has been
 * shut down, so that the line it judges starts there (a plant still warm from running is not "active").
 * A stored class: its fields must not change (see {@link RuleSlice}).
 */
public final class ActivitySlice extends LimitSlice {

    /** Time of the first reading judged since the point's plant or unit was shut down, or NONE while it runs. */
    public long watchingSince = LimitState.NONE;

    public ActivitySlice() {
    }

    @Override
    public boolean isIdle() {
        return super.isIdle() && watchingSince == LimitState.NONE;
    }

    @Override
    public void continueFrom(RuleSlice earlier) {
        super.continueFrom(earlier);
        // the earlier version kept samples only while shut down: its first one is when watching began
        if (earlier instanceof WindowSlice w && w.samples != null && w.samples.size > 0) {
            watchingSince = w.samples.times[0];
        }
    }
}
