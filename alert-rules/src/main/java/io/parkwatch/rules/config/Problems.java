package io.parkwatch.rules.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one file so a person sees all of them at once. */
public final class Problems {

    private final List<ConfigError> errors = new ArrayList<>();

    public void add(ConfigError e) {
        errors.add(e);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** Throws if anything was found. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
