package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Rule;

/** Which group of a group rule a point belongs to: its zone (voting), its tank or unit (composite), its logger (stale). */
public final class GroupKeys {

    private GroupKeys() {
    }

    /** The group key, or null when the point has no such group (e.g. a detector without a zone). */
    public static String of(Rule rule, Point p) {
        String group;
        if (rule instanceof VotingRule) {
            group = p.zone() == null ? null : "zone:" + p.zone();
        } else if (rule instanceof CompositeRule) {
            group = p.tank() == null ? null : "unit:" + p.tank();
        } else if (rule instanceof StaleRule) {
            group = "logger:" + p.enterpriseId(); // one data logger per enterprise until loggers are modelled
        } else {
            return null;
        }
        return group == null ? null : rule.id() + "|" + group;
    }

    /** The subject id part of a key ({@code zone:HX-Z1}). */
    public static String subject(String groupKey) {
        return groupKey.substring(groupKey.indexOf('|') + 1);
    }
}
