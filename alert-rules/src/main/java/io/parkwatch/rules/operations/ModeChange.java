package io.parkwatch.rules.operations;

/**
 * One change of operating mode: planned (from the schedule) or ordered (a command from the console, the API or
 * {@code parkwatch mode set}). A command holds until the next change for the same subject, planned or not.
 *
 * @param subject an enterprise id, or a tank or unit
 * @param mode    running, start-up, shut-down, turnaround, or a mode the park defines
 * @param at      from when, epoch ms
 * @param by      who ordered it ("schedule" for planned changes)
 * @param reason  why, or null
 */
public record ModeChange(String subject, String mode, long at, String by, String reason) {
}
