package io.parkwatch.rules.engine;

/**
 * The one-class rule state of versions before per-kind state ({@link RuleSlice}). Kept, unchanged in name and
 * fields, only so that a job restores checkpoints and savepoints taken by those versions: the job reads it once
 * per point and hands it to each kind ({@link RuleKind#carriedOver}). Nothing writes it any more.
 */
public final class RuleState {

    public int ruleVersion;
    public LimitState high;
    public LimitState low;
    public SampleWindow samples;
    public long steadySince = LimitState.NONE;
    public double steadyMin;
    public double steadyMax;

    public RuleState() {
    }
}
