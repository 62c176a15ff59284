package io.parkwatch.rules.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's daily safety commitment (安全承诺): the state it declares for each major hazard source, the special
 * operations it plans, who is on duty.
 *
 * @param enterpriseId      whose
 * @param day               the day it is for, on the park's calendar
 * @param sources           each major hazard source's declared state: {@code running}, {@code shut-down} or
 *                          {@code turnaround}
 * @param specialOperations the special operations (特殊作业) planned: hot-work, confined-space, lifting...
 * @param onDuty            who is on duty (names as the enterprise writes them)
 * @param by                who submitted it (console user)
 * @param submittedAt       when, epoch ms
 */
public record Commitment(String enterpriseId, LocalDate day, Map<String, String> sources,
        List<String> specialOperations, List<String> onDuty, String by, long submittedAt) {

    /** The states a hazard source may be declared in: each is also the operating mode it sets. */
    public static final List<String> STATES = List.of("running", "shut-down", "turnaround");

    /** The special operations of GB 30871-2022 (named in the catalogue); an enterprise may plan others. */
    public static final List<String> OPERATIONS = List.of("hot-work", "confined-space", "blind-plate",
            "work-at-height", "lifting", "temporary-power", "excavation", "road-closure");

    public Commitment {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        specialOperations = specialOperations == null ? List.of() : List.copyOf(specialOperations);
        onDuty = onDuty == null ? List.of() : List.copyOf(onDuty);
    }
}
