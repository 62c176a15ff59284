package io.parkwatch.rules.engine;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.Rule;
import java.util.List;
import java.util.Set;

/**
 * One kind of rule in one home: the keys its entries in a rule file may have, how an entry is read and
 * checked, what a rule of the kind remembers about a point (its {@link RuleSlice}), and how a reading is
 * evaluated against it. Every kind is listed once in
 * {@code io.parkwatch.rules.kinds.RuleKinds}; the rule file parser and the rule engine iterate that list
 * and know no kind by name.
 *
 * <p>Kinds decided per group (voting per zone, composite per unit, stale per data logger) are read here
 * like the others, but evaluated by the group stage ({@code io.parkwatch.rules.group}): for them
 * {@link #perPoint()} is false.
 *
 * @param <R> the kind's rule record
 * @param <S> what a rule of the kind remembers about one point
 */
public interface RuleKind<R extends Rule, S extends RuleSlice> {

    /** The {@code type:} of its entries in a rule file. */
    String type();

    /** The rule record of this kind. */
    Class<R> ruleClass();

    /** Keys an entry may have besides {@code id}, {@code type}, {@code description} and {@code match}. */
    Set<String> keys();

    /**
     * Reads one entry whose common part ({@code id}, {@code description}, {@code match}) is already read.
     * Every problem goes to {@code problems}, with its line and field; returns null when the entry cannot
     * become a rule.
     */
    R parse(RuleEntry entry, Problems problems);

    /** A fresh state for a rule of this kind at one point. */
    S newSlice();

    /** The class of {@link #newSlice()}: a stored state of another class is of an earlier version. */
    default Class<? extends RuleSlice> sliceType() {
        return newSlice().getClass();
    }

    /**
     * The state a point's rule kept in the one-class form of earlier versions, in this kind's form; a window of
     * samples is handed on in the per-rule shape of the version before the shared history ({@link WindowSlice}),
     * which the engine then takes in ({@link PointHistory#seed}).
     */
    default RuleSlice carriedOver(RuleState legacy) {
        RuleSlice s = legacy.samples != null ? new WindowSlice() : newSlice();
        s.ruleVersion = legacy.ruleVersion;
        s.takeOver(legacy);
        return s;
    }

    /**
     * How long a window of the point's recent readings ({@link PointHistory}) a rule of this kind judges at
     * {@code timestamp}: a {@link WindowedRule}'s window; 0 when it needs none now (then the history is not kept
     * for it). Only a windowed rule may need one.
     */
    default long historyMs(R rule, Point point, PointRegistry registry, long timestamp) {
        return rule instanceof WindowedRule w ? w.window().toMillis() : 0;
    }

    /** Whether a reading of a point is evaluated per point (else: by the group stage). */
    default boolean perPoint() {
        return true;
    }

    /**
     * Whether readings the instrument does not vouch for (flagged, out of its range) are evaluated too.
     * Only a rule about data quality wants them; process rules must neither raise nor clear on them.
     */
    default boolean judgesUntrustedReadings() {
        return false;
    }

    /**
     * Evaluates a reading of a point the rule watches.
     *
     * @param state    the rule's state at this point (created by {@link #newSlice()}, kept and dropped by the
     *                 engine)
     * @param registry the park (a kind may ask whether a unit is shut down)
     */
    default List<AlertUpdate> evaluate(R rule, Point point, PointRegistry registry, S state, Reading reading,
            long now) {
        return List.of();
    }

    /**
     * Evaluates a reading with the point's recent history, already holding the reading; null when no rule of the
     * point needs one or the reading is not vouched for. Kinds that judge a window override this one.
     */
    default List<AlertUpdate> evaluate(R rule, Point point, PointRegistry registry, S state, PointHistory history,
            Reading reading, long now) {
        return evaluate(rule, point, registry, state, reading, now);
    }
}
