package io.parkwatch.rules.wire;

/**
 * One configuration file as published on the compacted config topic (key = {@code kind}): the latest
 * document of each kind is the configuration in force.
 *
 * @param kind        points, rules, maintenance or contacts
 * @param yaml        the file's text
 * @param source      where it came from (file name, user), for the log
 * @param publishedAt when it was applied, epoch ms
 */
public record ConfigDocument(String kind, String yaml, String source, long publishedAt) {

    public static final String POINTS = "points";
    public static final String RULES = "rules";
    public static final String MAINTENANCE = "maintenance";
    public static final String CONTACTS = "contacts";
}
