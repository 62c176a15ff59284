package io.parkwatch.rules.engine;

/**
 * Where the per-point state of each rule lives between readings. A stream processor backs this
 * with its keyed state; tests and tools use a map.
 */
public interface RuleStateStore<S> {

    S get(String ruleId);

    void put(String ruleId, S state);

    void remove(String ruleId);

    /** A store backed by a plain map (tests, tools, benchmarks). */
    static <S> RuleStateStore<S> over(java.util.Map<String, S> map) {
        return new RuleStateStore<>() {
            @Override
            public S get(String ruleId) {
                return map.get(ruleId);
            }

            @Override
            public void put(String ruleId, S state) {
                map.put(ruleId, state);
            }

            @Override
            public void remove(String ruleId) {
                map.remove(ruleId);
            }
        };
    }
}
