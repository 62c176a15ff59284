package io.parkwatch.rules.config;

import java.util.List;
import java.util.Set;

/**
 * What every file that is a list of entries (devices, data loggers, users, maintenance windows) shares:
 * the one top-level section, its entries with their allowed keys, ids that must be unique, and the checks
 * of references into the park's registry. Each problem is added with its line and field; nothing throws
 * before the whole file is read.
 */
public final class EntryList {

    private EntryList() {
    }

    /**
     * The entries of {@code section}, the file's only top-level key, each checked for unknown keys.
     *
     * @param required whether a file without the section is a problem (else it has no entries)
     */
    public static List<ConfigNode> entries(YamlSource src, Problems problems, String section, boolean required,
            Set<String> keys) {
        ConfigNode root = src.root();
        root.allowOnly(problems, Set.of(section));
        if (required && !root.has(section)) {
            problems.add(root.get(section).error("is required"));
        }
        List<ConfigNode> entries = root.get(section).elements(problems);
        entries.forEach(e -> e.allowOnly(problems, keys));
        return entries;
    }

    /** False (with a problem) when {@code id} was seen before in this file. */
    public static boolean unique(ConfigNode field, String id, Set<String> seen, String what, Problems problems) {
        if (id != null && !seen.add(id)) {
            problems.add(field.error("duplicate " + what + " '" + id + "'"));
            return false;
        }
        return true;
    }

    /** False (with a problem) when the hash is not a bcrypt hash; true when it is, or is missing. */
    public static boolean bcrypt(ConfigNode field, String hash, Problems problems) {
        if (hash != null && !PasswordHashes.isBcrypt(hash)) {
            problems.add(field.error(PasswordHashes.ADVICE));
            return false;
        }
        return true;
    }

    /** False (with a problem) when the registry has no such enterprise (no registry: not checked). */
    public static boolean knownEnterprise(ConfigNode field, String id, PointRegistry registry, Problems problems) {
        if (id != null && registry != null && registry.enterprise(id).isEmpty()) {
            problems.add(field.error("unknown enterprise '" + id + "'"));
            return false;
        }
        return true;
    }

    /** False (with a problem) when {@code point} is not a point of {@code enterprise} (no registry: not checked). */
    public static boolean pointOf(ConfigNode field, String point, String enterprise, PointRegistry registry,
            Problems problems) {
        if (point != null && registry != null && enterprise != null
                && registry.point(point).filter(p -> p.enterpriseId().equals(enterprise)).isEmpty()) {
            problems.add(field.error("'" + point + "' is not a point of enterprise '" + enterprise + "'"));
            return false;
        }
        return true;
    }
}
