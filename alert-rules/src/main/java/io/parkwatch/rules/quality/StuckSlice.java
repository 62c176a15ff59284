package io.parkwatch.rules.quality;

import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.engine.RuleState;

/** What a stuck rule remembers about a point: since when its value has stayed in a band, and the band's extent. */
public final class StuckSlice extends LimitSlice {

    public long steadySince = LimitState.NONE;
    public double steadyMin;
    public double steadyMax;

    public StuckSlice() {
    }

    @Override
    public boolean isIdle() {
        return super.isIdle() && steadySince == LimitState.NONE;
    }

    @Override
    public void takeOver(RuleState legacy) {
        super.takeOver(legacy);
        steadySince = legacy.steadySince;
        steadyMin = legacy.steadyMin;
        steadyMax = legacy.steadyMax;
    }
}
