package io.parkwatch.rules.model;

/** A rule that watches points. Each kind of rule is a record implementing this. */
public interface Rule {

    String id();

    String description();

    RuleSelector selector();

    default boolean appliesTo(Point p) {
        return selector().matches(p);
    }

    /** The operating modes this rule names for its own evaluation (e.g. limits per mode), checked against the park's. */
    default java.util.Set<String> modesNamed() {
        return java.util.Set.of();
    }
}
