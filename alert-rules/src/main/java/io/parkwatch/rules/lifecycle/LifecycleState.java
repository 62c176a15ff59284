package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertState;
import java.util.HashMap;
import java.util.Map;

/**
 * What the life cycle remembers for one (rule, subject, direction): its current alert with the
 * people's handling, and older alerts of the same key that still await acknowledgement or closing.
 * Public fields so a stream processor can store it as-is.
 */
public final class LifecycleState {

    /** The latest alert of this key, as people see it (handling included), or null. */
    public Alert current;
    /** Whether the condition behind {@link #current} is active or recovered. */
    public AlertState condition;
    /** The detection's id for the current excursion (differs from current.alertId after a repeat). */
    public String detectionAlertId;
    /** Event time of the last recovery, for the hold-off. */
    public long recoveredAt;
    /** Wall-clock time of the next escalation step, 0 for none. */
    public long nextEscalationAt;
    /** Earlier alerts of this key, not yet closed, by id. */
    public Map<String, Alert> earlier = new HashMap<>();

    public LifecycleState() {
    }
}
