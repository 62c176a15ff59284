package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
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
    /** Wall-clock time the tier holding the unanswered alarm is reminded next, 0 for none. */
    public long nextReminderAt;
    /** Wall-clock time a roster's shift may change hands while the alarm is unanswered, 0 for none. */
    public long nextHandOverAt;
    /** Earlier alerts of this key, not yet closed, by id. */
    public Map<String, Alert> earlier = new HashMap<>();
    /** Who shelved this key's alarm (a new occurrence stays shelved), or null when it is not shelved. */
    public String shelvedBy;
    /** When it was shelved, epoch ms. */
    public long shelvedAt;
    /** When the shelving ends by itself, wall clock, epoch ms. */
    public long shelvedUntil;
    /** Why it was shelved. */
    public String shelveReason;
    /** The alarm's level when it was shelved: a rise above it unshelves. */
    public Level shelvedLevel;
    /** Why the detection holds the current excursion back (a permit, out of service, the mode), or null. */
    public HoldBack heldBack;

    public LifecycleState() {
    }

    public boolean shelved() {
        return shelvedBy != null;
    }

    /**
     * The next wall-clock time something is due (an escalation step, the end of a shelving, a reminder, a shift
     * change), 0 for none.
     */
    public long nextDue() {
        long due = 0;
        for (long t : new long[] {nextEscalationAt, shelved() ? shelvedUntil : 0, nextReminderAt, nextHandOverAt}) {
            if (t > 0 && (due == 0 || t < due)) {
                due = t;
            }
        }
        return due;
    }
}
