package io.parkwatch.rules.engine;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.RuleSelector;

/**
 * One entry of a rule file as a kind receives it: the common part already read (a null id or selector
 * means that part had problems, already reported), the entry's node for the kind's own keys, and the park's
 * registry (null when a file is checked on its own).
 *
 * @param problemsBefore how many problems the file had before this entry (a kind may hold back a summary
 *                       complaint while the entry already has specific ones)
 */
public record RuleEntry(String id, String description, RuleSelector selector, ConfigNode node, PointRegistry registry,
        int problemsBefore) {

    public ConfigNode get(String key) {
        return node.get(key);
    }

    /** Whether the entry has had no problem so far. */
    public boolean cleanSoFar(io.parkwatch.rules.config.Problems problems) {
        return problems.errors().size() == problemsBefore;
    }
}
