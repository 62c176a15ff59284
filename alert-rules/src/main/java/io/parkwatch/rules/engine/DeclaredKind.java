package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Rule;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link RuleKind} whose name, rule record, keys and state are declared once, in its constructor. */
public abstract class DeclaredKind<R extends Rule, S extends RuleSlice> implements RuleKind<R, S> {

    private final String type;
    private final Class<R> ruleClass;
    private final Set<String> keys;
    private final Supplier<S> slices;
    private final Class<? extends RuleSlice> sliceType;

    protected DeclaredKind(String type, Class<R> ruleClass, Set<String> keys, Supplier<S> slices) {
        this.type = type;
        this.ruleClass = ruleClass;
        this.keys = Set.copyOf(keys);
        this.slices = slices;
        this.sliceType = slices.get().getClass();
    }

    @Override
    public final Class<? extends RuleSlice> sliceType() {
        return sliceType;
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

    @Override
    public final S newSlice() {
        return slices.get();
    }
}
