package io.parkwatch.rules.model;

/**
 * Quality flag of a reading, using the HJ 212-2017 data flags so that data loggers map 1:1.
 * Only readings whose instrument is known to be measuring the process drive process alarms.
 */
public enum Quality {
    /** normal */
    N,
    /** equipment stopped */
    F,
    /** maintenance */
    M,
    /** manually entered */
    S,
    /** fault */
    D,
    /** calibration */
    C,
    /** over range */
    T,
    /** communication fault */
    B;

    /** values() copies the array on every call, and every reading's flag is parsed (gateway, job, console) */
    private static final Quality[] ALL = values();

    public boolean drivesProcessRules() {
        return this == N || this == S;
    }

    /** Parses a flag case-insensitively; null or blank means normal. */
    public static Quality parse(String text) {
        if (text == null || text.isBlank()) {
            return N;
        }
        if (text.length() == 1) {
            char c = Character.toUpperCase(text.charAt(0));
            for (Quality q : ALL) {
                if (q.name().charAt(0) == c) {
                    return q;
                }
            }
        }
        throw new IllegalArgumentException("unknown quality flag '" + text + "' (expected one of N F M S D C T B)");
    }
}
