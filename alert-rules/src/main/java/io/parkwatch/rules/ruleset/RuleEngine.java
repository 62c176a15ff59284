package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.WindowSlice;
import io.parkwatch.rules.engine.WindowedRule;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.operations.HoldBacks;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.engine.RuleKind;
import io.parkwatch.rules.kinds.RuleKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every per-point rule that watches a point over one of its readings. This is the whole
 * per-reading decision; whatever hosts it (a Flink operator, a backtest) only supplies state and clock.
 * Group rules (voting, composite, stale) are decided per zone, unit or logger.
 */
public final class RuleEngine {

    private final PointRegistry registry;
    private final RuleSet rules;
    private final MaintenanceSchedule maintenance;
    private final PlantOperations operations;
    private final HoldBacks holdBacks;

    /**
     * @param operations the plants' modes and the instruments out of service; the registry the kinds see answers
     *                   "is this plant shut down" from them
     */
    public RuleEngine(PointRegistry registry, RuleSet rules, MaintenanceSchedule maintenance,
            PlantOperations operations) {
        this.operations = operations.with(registry);
        this.registry = registry.withModes(this.operations);
        this.rules = rules;
        this.maintenance = maintenance;
        this.holdBacks = new HoldBacks(maintenance, this.operations);
    }

    public RuleEngine(PointRegistry registry, RuleSet rules, MaintenanceSchedule maintenance) {
        this(registry, rules, maintenance, PlantOperations.NONE);
    }

    public RuleEngine(PointRegistry registry, RuleSet rules) {
        this(registry, rules, MaintenanceSchedule.NONE);
    }

    public PlantOperations operations() {
        return operations;
    }

    public Optional<Point> point(String pointId) {
        return registry.point(pointId);
    }

    public PointRegistry registry() {
        return registry;
    }

    public RuleSet rules() {
        return rules;
    }

    public MaintenanceSchedule maintenance() {
        return maintenance;
    }

    /**
     * Evaluates a reading of a known point. A reading the instrument itself does not vouch for (flagged
     * fault, maintenance, calibration..., or outside the instrument range) feeds only the data-quality
     * rule: it must not raise or clear process alarms.
     */
    public List<AlertUpdate> evaluate(Point point, Reading reading, RuleStateStore<RuleSlice> store, long now) {
        boolean trusted = vouchedFor(point, reading);
        List<AlertUpdate> out = new ArrayList<>(0);
        PointHistory history = trusted ? history(point, reading, store) : null;
        for (Rule rule : rules.rulesFor(point)) {
            RuleKind<Rule, RuleSlice> kind = RuleKinds.of(rule);
            if (!kind.perPoint() || (!trusted && !kind.judgesUntrustedReadings())) {
                continue; // group kinds are decided per group; untrusted readings only feed data-quality rules
            }
            RuleSlice st = store.get(rule.id());
            boolean stored = st != null;
            st = current(kind, st, rules.version(rule.id()));
            List<AlertUpdate> updates = kind.evaluate(rule, point, registry, st, history, reading, now);
            if (st.isIdle()) {
                if (stored) {
                    store.remove(rule.id()); // nothing pending or open: keep no state for quiet points
                }
            } else {
                store.put(rule.id(), st);
            }
            for (AlertUpdate u : updates) {
                out.add(holdBacks.apply(rules.stamped(u), point, rules.suppressedInModes(rule.id())));
            }
        }
        return out;
    }

    /**
     * Whether the instrument vouches for a reading: a process quality flag, a number, and within its range.
     * Readings it does not vouch for feed only data-quality rules.
     */
    public static boolean vouchedFor(Point point, Reading reading) {
        return reading.quality().drivesProcessRules() && !Double.isNaN(reading.value())
                && !point.outOfRange(reading.value());
    }

    /**
     * The point's recent history with the reading in it, kept while a rule of the point judges a window
     * ({@link RuleKind#historyMs}) over the longest such window, and dropped when none does. A point whose rules
     * kept their own windows in an earlier version starts from the longest of those. A point with no
     * {@link WindowedRule} costs no look-up (on RocksDB a read per reading); a history it kept under rules since
     * taken out of force stays, as their own states do, until the point has a windowed rule again.
     */
    private PointHistory history(Point point, Reading reading, RuleStateStore<RuleSlice> store) {
        long horizon = 0;
        boolean windowed = false;
        for (Rule rule : rules.rulesFor(point)) {
            RuleKind<Rule, RuleSlice> kind = RuleKinds.of(rule);
            if (kind.perPoint() && rule instanceof WindowedRule) {
                windowed = true;
                horizon = Math.max(horizon, kind.historyMs(rule, point, registry, reading.timestamp()));
            }
        }
        if (!windowed) {
            return null;
        }
        RuleSlice kept = store.get(PointHistory.KEY);
        if (horizon == 0) {
            if (kept != null) {
                store.remove(PointHistory.KEY);
            }
            return null;
        }
        PointHistory history = kept instanceof PointHistory h ? h : null;
        if (history == null) {
            history = new PointHistory();
            WindowSlice earlier = null;
            for (Rule rule : rules.rulesFor(point)) {
                if (store.get(rule.id()) instanceof WindowSlice w && w.samples != null
                        && (earlier == null || w.samples.spanMs() > earlier.samples.spanMs())) {
                    earlier = w;
                }
            }
            if (earlier != null) {
                history.seed(earlier.samples, horizon);
            }
        }
        history.add(reading.timestamp(), reading.value(), horizon);
        store.put(PointHistory.KEY, history);
        return history;
    }

    /**
     * The state to use for a rule at {@code version}: a state built for another version of the rule
     * starts afresh, but keeps its open alerts so that they can still recover under the new rule; a state of the
     * same version kept in an earlier version's class is carried into the kind's present class.
     */
    static RuleSlice current(RuleKind<Rule, RuleSlice> kind, RuleSlice st, int version) {
        if (st != null && st.ruleVersion == version && st.getClass() == kind.sliceType()) {
            return st;
        }
        RuleSlice fresh = kind.newSlice();
        fresh.ruleVersion = version;
        if (st != null && st.ruleVersion == version) {
            fresh.continueFrom(st);
        } else if (st != null) {
            fresh.keepOpenAlertsOf(st);
        }
        return fresh;
    }
}
