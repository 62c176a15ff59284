package io.parkwatch.rules.wire;

/**
 * One configuration file as published on the compacted config topic (key = {@code kind}): the latest
 * document of each kind is the configuration in force.
 *
 * @param kind        points, rules, maintenance, contacts, operations, risk or commitments
 * @param yaml        the file's text
 * @param source      where it came from (file name, user), for the log
 * @param publishedAt when it was applied, epoch ms
 * @param appliedBy   who applied it (a console user, the operating-system user of the command line), or null
 * @param reason      why (management of change), or null
 */
public record ConfigDocument(String kind, String yaml, String source, long publishedAt, String appliedBy,
        String reason) {

    public ConfigDocument(String kind, String yaml, String source, long publishedAt) {
        this(kind, yaml, source, publishedAt, null, null);
    }

    public static final String POINTS = "points";
    public static final String RULES = "rules";
    public static final String MAINTENANCE = "maintenance";
    public static final String CONTACTS = "contacts";
    /** The plants' operating modes (schedule and commands) and the instruments out of service. */
    public static final String OPERATIONS = "operations";
    /** How the enterprises' and the park's risk is graded (config/risk.yaml). */
    public static final String RISK = "risk";
    /** The enterprises' daily safety commitments of the last days (written by the console, or imported). */
    public static final String COMMITMENTS = "commitments";
    /** Every kind, in the order they are checked together. */
    public static final java.util.List<String> KINDS = java.util.List.of(POINTS, RULES, MAINTENANCE, CONTACTS, OPERATIONS,
            RISK, COMMITMENTS);
}
