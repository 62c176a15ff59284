package io.parkwatch.rules.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * An alarm's rationalization, its entry in the master alarm database (ISA TR18.2.2): why it exists and what to do.
 * Documentation: editing it never resets a rule's state.
 *
 * @param cause        what makes it go off
 * @param consequence  what happens if nobody acts
 * @param action       what the operator must do
 * @param responseTime how long the operator has (e.g. 10m), as written
 * @param priority     the priority it was given (high, medium, low)
 * @param alarmClass   its class (safety, environmental, equipment, quality ...)
 */
@RecordBuilder
public record Rationale(String cause, String consequence, String action, String responseTime, String priority,
        String alarmClass) implements RationaleBuilder.With {

    public static RationaleBuilder builder() {
        return RationaleBuilder.builder();
    }
}
