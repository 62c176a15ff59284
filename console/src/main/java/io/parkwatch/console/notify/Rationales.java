package io.parkwatch.console.notify;

import io.parkwatch.rules.model.Rationale;
import java.util.Optional;

/**
 * Where a notification finds its alarm's rationalization (what the operator must do, in how long): the rule file in
 * force. Bound once the console follows the configuration ({@link #bind}); until then, none.
 */
public final class Rationales {

    /** One lookup: the point's own rationalization of a rule, else the rule's. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Rationale> of(String ruleId, String subject);
    }

    private volatile Lookup lookup = (rule, subject) -> Optional.empty();

    public void bind(Lookup l) {
        this.lookup = l;
    }

    public Optional<Rationale> of(String ruleId, String subject) {
        return ruleId == null ? Optional.empty() : lookup.of(ruleId, subject);
    }
}
