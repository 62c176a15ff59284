package io.parkwatch.rules.kinds;

import io.parkwatch.rules.engine.RuleKind;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.group.CompositeKind;
import io.parkwatch.rules.group.StaleKind;
import io.parkwatch.rules.group.VotingKind;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.quality.QualityKind;
import io.parkwatch.rules.quality.StuckKind;
import io.parkwatch.rules.rate.RateKind;
import io.parkwatch.rules.shutdown.ShutdownActivityKind;
import io.parkwatch.rules.threshold.ThresholdKind;
import io.parkwatch.rules.trend.TrendKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of rule ParkWatch knows, in one list: the rule file parser and the engine iterate it. A new
 * kind is a package with its rule record, its state ({@code RuleSlice}), its evaluation and its {@link RuleKind}
 * (a {@code GroupKind} when it is decided per zone, unit or logger), plus one line here.
 */
public final class RuleKinds {

    public static final List<RuleKind<?, ?>> ALL = List.of(new ThresholdKind(), new RateKind(), new TrendKind(),
            new StuckKind(), new QualityKind(), new StaleKind(), new VotingKind(), new CompositeKind(),
            new ShutdownActivityKind());

    private static final Map<String, RuleKind<?, ?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(RuleKind::type, Function.identity()));
    private static final Map<Class<?>, RuleKind<?, ?>> BY_RULE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(RuleKind::ruleClass, Function.identity()));

    private RuleKinds() {
    }

    public static Optional<RuleKind<?, ?>> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The kind of a rule read from a file (every such rule has one). */
    @SuppressWarnings("unchecked")
    public static <R extends Rule> RuleKind<R, RuleSlice> of(R rule) {
        RuleKind<?, ?> k = BY_RULE.get(rule.getClass());
        if (k == null) {
            throw new IllegalArgumentException("no rule kind for " + rule.getClass().getName());
        }
        return (RuleKind<R, RuleSlice>) k;
    }

    /** The types, in the order of the list (for messages). */
    public static List<String> types() {
        return ALL.stream().map(RuleKind::type).toList();
    }
}
