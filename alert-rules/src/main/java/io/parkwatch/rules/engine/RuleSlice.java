package io.parkwatch.rules.engine;

/**
 * What one rule remembers about one point between readings. Each kind keeps its own subclass, named by its
 * {@link RuleKind#newSlice()}: a kind's state lives in its package, or is one of the shapes several kinds share
 * ({@link LimitSlice}, {@link WindowSlice}). Public fields and a no-argument constructor in every subclass, so a
 * stream processor keeps a point's slices in one typed map state as POJOs, subclasses included.
 *
 * <p><b>Stored layout.</b> Flink has these subclasses unregistered: it restores them, and everything they hold
 * ({@link LimitState}, {@link io.parkwatch.rules.model.Alert}), with the fields their classes have now, not the ones
 * they were written with. A field added to or removed from any of them makes checkpoints and savepoints of earlier
 * versions unreadable; a kind that needs more keeps a new class. {@code LegacyStateRestoreJobIT} restores
 * checkpoints of earlier versions to hold that.
 */
public class RuleSlice {

    /** Fingerprint of the rule definition this state was built for; a changed rule starts afresh. */
    public int ruleVersion;

    public RuleSlice() {
    }

    /** True when nothing is pending or open and no history is needed: the engine drops the state of quiet points. */
    public boolean isIdle() {
        return true;
    }

    /**
     * Called on the fresh state of a changed rule: what the previous version's state hands on (its open alerts,
     * so that they can still recover under the new rule). The previous state may be of another kind.
     */
    public void keepOpenAlertsOf(RuleSlice previous) {
    }

    /**
     * Called on the fresh state of an unchanged rule whose stored state is of an earlier version's class: takes
     * over all of it this class still has. By default only the open alerts, as for a changed rule.
     */
    public void continueFrom(RuleSlice earlier) {
        keepOpenAlertsOf(earlier);
    }

    /** Takes over what the one-class state of earlier versions kept for this kind (restoring their checkpoints). */
    public void takeOver(RuleState legacy) {
    }
}
