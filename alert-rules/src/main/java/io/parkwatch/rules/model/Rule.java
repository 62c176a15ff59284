package io.parkwatch.rules.model;

/** A rule that watches points. Each kind of rule is a record implementing this. */
public interface Rule {

    String id();

    String description();

    RuleSelector selector();

    default boolean appliesTo(Point p) {
        return selector().matches(p);
    }
}
