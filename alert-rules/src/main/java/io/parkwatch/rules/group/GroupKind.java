package io.parkwatch.rules.group;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.engine.RuleKind;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Rule;
import java.util.List;

/**
 * A rule kind decided per group of points (a zone, a unit, a data logger) rather than per point. The point
 * stage sends each group the signals of its members ({@link PointSignal}); the group stage keeps a
 * {@link GroupState} per rule and group and asks the kind what they mean. Neither stage names a kind.
 *
 * <p>Two ways of deciding, chosen by {@link #watchesSilence()}:
 * <ul>
 *   <li>Kinds that compare the readings of several points at one moment (voting, composite) get the trusted
 *       readings of their members, in event-time order.</li>
 *   <li>Kinds that watch for points falling silent (stale) get a member's silence and return as they happen
 *       on the wall clock, and a tick every second while the group has something to decide.</li>
 * </ul>
 *
 * @param <R> the kind's rule record
 */
public interface GroupKind<R extends Rule> extends RuleKind<R, RuleSlice> {

    /** The group a point belongs to under the rule ({@code zone:HX-Z1}), or null when it has none. */
    String groupOf(R rule, Point p);

    /** The key signals are routed by: the rule and the point's group; null when the point has no group. */
    default String keyOf(R rule, Point p) {
        String group = groupOf(rule, p);
        return group == null ? null : rule.id() + "|" + group;
    }

    /** True when the kind watches its points fall silent; false when it compares their readings. */
    default boolean watchesSilence() {
        return false;
    }

    /** How long a point may stay silent under the rule (for kinds that watch silence). */
    default long silentAfterMs(R rule, Point p) {
        return Long.MAX_VALUE;
    }

    /**
     * Decides a member's signal.
     *
     * @param key      the group's key ({@link #keyOf})
     * @param registry the park, for kinds that need the group's other members
     */
    List<AlertUpdate> onSignal(R rule, GroupState state, PointSignal signal, String key, PointRegistry registry,
            long now);

    /** A wall-clock tick (for kinds that watch silence). */
    default List<AlertUpdate> onTick(R rule, GroupState state, String key, PointRegistry registry, long now) {
        return List.of();
    }

    /** Whether the group still has something to decide on the wall clock (the stage keeps ticking while so). */
    default boolean wantsTicks(GroupState state) {
        return false;
    }

    @Override
    default boolean perPoint() {
        return false;
    }

    @Override
    default RuleSlice newSlice() {
        return new RuleSlice();
    }

    /** The subject part of a key ({@code zone:HX-Z1}). */
    static String subject(String key) {
        return key.substring(key.indexOf('|') + 1);
    }
}
