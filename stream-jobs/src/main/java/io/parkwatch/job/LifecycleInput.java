package io.parkwatch.job;

import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertUpdate;

/** What reaches the life-cycle stage for one alert key: a detection update or an operator command. */
public record LifecycleInput(AlertUpdate update, AlertCommand command) {

    public static LifecycleInput of(AlertUpdate u) {
        return new LifecycleInput(u, null);
    }

    public static LifecycleInput of(AlertCommand c) {
        return new LifecycleInput(null, c);
    }

    /** The key: the alert's (rule, subject, direction); a command that names none goes to its own empty key. */
    public String key() {
        if (update != null) {
            return update.alert().key();
        }
        return command.alertKey() != null && !command.alertKey().isBlank() ? command.alertKey()
                : "unknown|" + command.alertId();
    }
}
