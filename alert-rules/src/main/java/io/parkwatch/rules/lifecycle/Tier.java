package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One tier of the chain of responsibility: whom it reaches, how long it has to acknowledge (叫应) an alarm before the
 * next tier is called, how often it is reminded meanwhile, and by which channels.
 *
 * @param id                 how the file and the events name it
 * @param name               for people (企业中控室, 操作负责人, 园区值班, 县应急管理局 ...)
 * @param reach              whom it reaches for an alert
 * @param acknowledgeWithin  per level, how long it has before the next tier is called
 * @param toxicWithin        a shorter time for toxic gas, or null (the level's)
 * @param remindEvery        per level, how often it is reminded while it holds an unanswered alarm (absent: never)
 * @param channels           which channels reach it (sms, voice, dingtalk, wecom, webhook, mqtt); empty: all
 */
public record Tier(String id, String name, Reach reach, Map<Level, Duration> acknowledgeWithin, Duration toxicWithin,
        Map<Level, Duration> remindEvery, List<String> channels) {

    /** Whom a tier reaches for an alert. */
    public sealed interface Reach {
        /** one person of the contacts file */
        record Person(String personId) implements Reach {
        }

        /** whoever is on duty in a roster when the tier is called */
        record OnDuty(String rosterId) implements Reach {
        }

        /** one of the alert's responsible persons: of its major hazard source, else of its enterprise */
        record Responsible(String role) implements Reach {
        }
    }

    public Tier {
        acknowledgeWithin = Map.copyOf(acknowledgeWithin);
        remindEvery = Map.copyOf(remindEvery);
        channels = List.copyOf(channels);
    }

    /** How long this tier has to acknowledge an alert of this level and kind. */
    public Duration within(Level level, PointKind kind) {
        if (kind == PointKind.GAS_TOXIC && toxicWithin != null) {
            return toxicWithin;
        }
        Duration d = acknowledgeWithin.get(level == null ? Level.WARN : level);
        return d != null ? d : acknowledgeWithin.getOrDefault(Level.ALARM, Duration.ofMinutes(5));
    }

    /** How often it is reminded of an unanswered alert of this level, or null for never. */
    public Duration remindEvery(Level level) {
        return remindEvery.get(level == null ? Level.WARN : level);
    }
}
