package io.parkwatch.console.risk;

import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The live risk as the job reports it: each enterprise's and the park's level in force ({@code parkwatch.risk}) and
 * the latest warnings ({@code parkwatch.risk-warnings}, newest first). Bounded: the last {@code maxWarnings}.
 */
public final class RiskStore {

    private final int maxWarnings;
    private final Map<String, RiskLevel> levels = new LinkedHashMap<>();
    private final Deque<RiskWarning> warnings = new ArrayDeque<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    public RiskStore(int maxWarnings) {
        this.maxWarnings = maxWarnings;
    }

    public synchronized void level(RiskLevel l) {
        RiskLevel known = levels.get(l.subject());
        if (known == null || known.at() <= l.at()) {
            levels.put(l.subject(), l);
        }
    }

    public synchronized void warning(RiskWarning w) {
        if (!seen.add(w.warningId())) {
            return; // delivered again
        }
        warnings.addFirst(w);
        while (warnings.size() > maxWarnings) {
            seen.remove(warnings.removeLast().warningId());
        }
    }

    public synchronized Optional<RiskLevel> level(String subject) {
        return Optional.ofNullable(levels.get(subject));
    }

    public synchronized List<RiskLevel> levels() {
        return new ArrayList<>(levels.values());
    }

    /** The newest warnings first, those that pass {@code visible}, at most {@code limit}. */
    public synchronized List<RiskWarning> warnings(Predicate<RiskWarning> visible, int limit) {
        return warnings.stream().filter(visible).limit(limit).toList();
    }
}
