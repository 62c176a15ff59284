package io.parkwatch.rules.engine;

/**
 * Where the per-point state of each rule lives between readings. A stream processor backs this
 * with its keyed state; tests and tools use a map.
 */
public interface RuleStateStore<S> {

    S get(String ruleId);

    void put(String ruleId, S state);

    void remove(String ruleId);
}
