package io.parkwatch.rules.model;

/** One alert event together with the alert's state right after it. */
public record AlertUpdate(AlertEvent event, Alert alert) {
}
