package io.parkwatch.rules.group;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.DeclaredKind;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.Level;
import java.util.Set;

/** {@code type: stale}: points silent for some reporting intervals; a whole silent data logger is one alert. */
public final class StaleKind extends DeclaredKind<StaleRule, RuleSlice> implements GroupKind<StaleRule> {

    public StaleKind() {
        super("stale", StaleRule.class, Set.of("intervals", "level"), RuleSlice::new);
    }

    @Override
    public StaleRule parse(RuleEntry r, Problems problems) {
        return new StaleRule(r.id(), r.description(), r.selector(),
                RuleFields.positive(r.node(), "intervals", 3, problems),
                RuleFields.level(r.node(), Level.WARN, problems));
    }

    /** Per data logger: as points.yaml names it ({@code logger:}), else one per enterprise. */
    @Override
    public String groupOf(StaleRule rule, Point p) {
        return "logger:" + p.loggerOrEnterprise();
    }

    @Override
    public boolean watchesSilence() {
        return true;
    }

    @Override
    public long silentAfterMs(StaleRule rule, Point p) {
        return rule.staleAfterMs(p);
    }

    @Override
    public List<AlertUpdate> onSignal(StaleRule rule, GroupState state, PointSignal signal, String key,
            PointRegistry registry, long now) {
        return GroupEvaluator.onSilence(rule, state, signal, members(rule, key, registry), settle(rule, registry), now);
    }

    @Override
    public List<AlertUpdate> onTick(StaleRule rule, GroupState state, String key, PointRegistry registry, long now) {
        return GroupEvaluator.onSilence(rule, state, null, members(rule, key, registry), settle(rule, registry), now);
    }

    @Override
    public boolean wantsTicks(GroupState state) {
        return state.members.values().stream().anyMatch(m -> m.silent) || !state.perPoint.isEmpty();
    }

    /** How many points of this logger the rule watches: all of them silent means the logger is down. */
    private int members(StaleRule rule, String key, PointRegistry registry) {
        return watched(rule, registry).perLogger().getOrDefault(key, 0);
    }

    /** A lone silent point waits one more stale period, so a dying logger's points are seen together first. */
    private long settle(StaleRule rule, PointRegistry registry) {
        return watched(rule, registry).settleMs();
    }

    /** The points the rule watches, counted per logger, and the shortest stale time among them: worked out once. */
    private Watched watched(StaleRule rule, PointRegistry registry) {
        return registry.overAllPoints(new WatchedBy(rule), points -> {
            Map<String, Integer> perLogger = new HashMap<>();
            long settle = Long.MAX_VALUE;
            for (Point p : points) {
                if (rule.appliesTo(p)) {
                    perLogger.merge(keyOf(rule, p), 1, Integer::sum); // never null: every point has a logger or enterprise
                    settle = Math.min(settle, rule.staleAfterMs(p));
                }
            }
            return new Watched(Map.copyOf(perLogger), settle == Long.MAX_VALUE ? 3000 : settle);
        });
    }

    private record WatchedBy(StaleRule rule) {
    }

    private record Watched(Map<String, Integer> perLogger, long settleMs) {
    }
}
