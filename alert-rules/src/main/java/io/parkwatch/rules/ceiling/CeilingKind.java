package io.parkwatch.rules.ceiling;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LevelMachine;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleFields;
import io.parkwatch.rules.engine.RuleKind;
import io.parkwatch.rules.engine.RuleState;
import io.parkwatch.rules.engine.Transition;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code type: ceiling}: the example kind. */
public final class CeilingKind implements RuleKind<CeilingRule> {

    @Override
    public String type() {
        return "ceiling";
    }

    @Override
    public Class<CeilingRule> ruleClass() {
        return CeilingRule.class;
    }

    @Override
    public Set<String> keys() {
        return Set.of("ceiling", "level");
    }

    @Override
    public CeilingRule parse(RuleEntry r, Problems problems) {
        return new CeilingRule(r.id(), r.description(), r.selector(), RuleFields.number(r.node(), "ceiling", null,
                problems), RuleFields.level(r.node(), Level.ALARM, problems));
    }

    @Override
    public List<AlertUpdate> evaluate(CeilingRule rule, Point point, PointRegistry registry, RuleState state,
            Reading reading, long now) {
        Transition t = LevelMachine.step(state.high(), LevelMachine.Settings.yesNo(rule.level(), 0, 0),
                reading.timestamp(), reading.value() > rule.ceiling() ? 1 : 0);
        List<AlertUpdate> out = new ArrayList<>(0);
        AlertTracker.apply(t, state.high(), rule.id(), AlertCategory.PROCESS, AlertSubject.of(point), Direction.HIGH,
                reading.value(), reading.timestamp(), reading.receivedAt(), now,
                (tr, v) -> v + " is above the ceiling " + rule.ceiling(), out);
        return out;
    }
}
