package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which alert events call a person by phone (SMS or voice, whatever the provider), and whom: the person an unanswered
 * alert has just been escalated to, reminded of or handed over to, and the first tier a raise or a repeat names.
 */
public final class PhoneCalls {

    private static final Pattern PHONE_IN_NOTE = Pattern.compile(",\\s*([^,()]+)\\)$");

    private PhoneCalls() {
    }

    /** Whether {@code channel} ("sms", "voice") should call someone about this event. */
    public static boolean calls(AlertEvent e, String channel) {
        boolean call = e.type() == AlertEventType.ESCALATED || e.type() == AlertEventType.REMINDED
                || e.type() == AlertEventType.HANDED_OVER || RiskNotices.personal(e)
                // a raise or a repeat calls the first tier, when it names whom (earlier events did not)
                || ((e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED) && !e.recipients().isEmpty());
        return call && recipient(e).map(r -> r.reachedBy(channel)).orElse(true) && phone(e) != null;
    }

    /** The person called, when the event names them (events of earlier versions did not). */
    public static Optional<Recipient> recipient(AlertEvent e) {
        return e.recipients().stream().filter(r -> r.phone() != null).findFirst();
    }

    /** The number called: the recipient's, or for events of earlier versions the one written in the note. */
    public static String phone(AlertEvent e) {
        Optional<Recipient> r = recipient(e);
        if (r.isPresent()) {
            return r.get().phone();
        }
        if (e.note() == null) {
            return null;
        }
        Matcher m = PHONE_IN_NOTE.matcher(e.note());
        return m.find() ? m.group(1).trim() : null;
    }
}
