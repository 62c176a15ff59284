package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;

/** What a level machine decided for one sample: raise, escalate, recover, or nothing (null). */
public record Transition(AlertEventType type, Level level, Level previous, double limit) {
}
