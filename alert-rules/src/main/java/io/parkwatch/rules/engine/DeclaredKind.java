package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Rule;
import java.util.Set;

/** A {@link RuleKind} whose name, rule record and keys are declared once, in its constructor. */
public abstract class DeclaredKind<R extends Rule> implements RuleKind<R> {

    private final String type;
    private final Class<R> ruleClass;
    private final Set<String> keys;

    protected DeclaredKind(String type, Class<R> ruleClass, Set<String> keys) {
        this.type = type;
        this.ruleClass = ruleClass;
        this.keys = Set.copyOf(keys);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Class<R> ruleClass() {
        return ruleClass;
    }

    @Override
    public final Set<String> keys() {
        return keys;
    }
}
