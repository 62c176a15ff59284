package io.parkwatch.console.board;

import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.RuleVersions;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.Rationale;
import io.parkwatch.rules.ruleset.RuleSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the configuration says about an alert, for its detail view and report: its rule's rationalization (cause,
 * consequence, what to do, in how long), and the version of the rule it was raised under with when, by whom and why
 * that version was applied.
 */
public final class AlertExplanation {

    private AlertExplanation() {
    }

    public static Map<String, Object> of(Alert a, RuleSet rules, RuleVersions versions, AlertHistory history) {
        String ruleVersion = history.ruleVersion(a.alertId());
        Map<String, Object> out = new LinkedHashMap<>();
        Rationale r = rules.rationale(a.ruleId(), a.pointId()).orElse(null);
        out.put("rationale", r);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tag", ruleVersion);
        versions.of(a.ruleId(), ruleVersion).ifPresent(x -> {
            v.put("version", x.version());
            v.put("appliedAt", Instant.ofEpochMilli(x.appliedAt()).toString());
            v.put("appliedBy", x.appliedBy());
            v.put("reason", x.reason());
            v.put("source", x.source());
        });
        out.put("ruleVersion", ruleVersion == null ? null : v);
        return out;
    }
}
