package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;

/** What a level machine decided for one sample: raise, escalate, recover, or nothing (null). */
public record Transition(AlertEventType type, Level level, Level previous, double limit) {

    /** The same transition reporting another limit (a yes/no machine's limit means nothing to people). */
    public static Transition withLimit(Transition t, double limit) {
        return t == null ? null : new Transition(t.type(), t.level(), t.previous(), limit);
    }
}
