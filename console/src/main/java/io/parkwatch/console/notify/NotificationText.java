package io.parkwatch.console.notify;

import io.parkwatch.rules.config.Park;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.WireJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What receivers are sent: plain JSON for programs; DingTalk and WeCom group robots' markdown, SMS and voice texts
 * for people, in the notifier's language (Chinese unless {@code notifier.language} says otherwise) with times in
 * the park's time zone.
 */
public final class NotificationText {

    /** Chinese, China's time. */
    public static final NotificationText DEFAULT = new NotificationText(Catalogue.chinese(), Park.CHINA);

    private final Rationales rationales;
    private java.util.function.Function<AlertEvent, String> links = e -> null;
    private java.util.function.Function<AlertEvent, String> replyCodes = e -> null;
    private java.util.function.Function<AlertEvent, String> groupLinks = e -> null;
    private final Catalogue language;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    public NotificationText(Catalogue language, ZoneId zone) {
        this(language, zone, new Rationales());
    }

    /** With the alarms' rationalization: a notification that calls for action says what to do and in how long. */
    public NotificationText(Catalogue language, ZoneId zone, Rationales rationales) {
        this.rationales = rationales;
        this.language = language.inZone(zone);
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    static byte[] json(AlertEvent e) {
        return WireJson.write(Map.of("idempotencyKey", e.eventId(), "event", e));
    }

    String title(AlertEvent e) {
        String type = Message.term("event." + e.type());
        if (!answerable(e)) {
            return language.text("notify.title-no-level", type, "");
        }
        return e.level() == null ? language.text("notify.title-no-level", type, nz(e.pointId()))
                : language.text("notify.title", Message.term("level." + e.level().name().toLowerCase()), type,
                        nz(e.pointId()));
    }

    /** The event's sentence in the notifier's language (events without a catalogue key keep their English one). */
    String sentence(AlertEvent e) {
        return e.text() == null ? nz(e.message()) : language.render(e.text());
    }

    String markdown(AlertEvent e) {
        if (!answerable(e)) { // a risk warning: what changed and why, nothing to acknowledge
            return "### " + title(e) + "\n\n" + language.text("notify.line.message", sentence(e)) + "\n"
                    + language.text("notify.line.time", time.format(Instant.ofEpochMilli(e.eventTime())), zone.getId())
                    + "\n";
        }
        return "### " + title(e) + "\n\n"
                + language.text("notify.line.message", sentence(e)) + "\n"
                + (e.tank() == null ? language.text("notify.line.enterprise", nz(e.enterpriseId()))
                        : language.text("notify.line.enterprise-unit", nz(e.enterpriseId()), e.tank())) + "\n"
                + language.text("notify.line.rule", nz(e.ruleId())) + "\n"
                + language.text("notify.line.time", time.format(Instant.ofEpochMilli(e.eventTime())), zone.getId())
                + "\n" + language.text("notify.line.alert", e.alertId(), e.eventId()) + "\n"
                + rationaleLines(e) + groupLink(e);
    }

    private String groupLink(AlertEvent e) {
        String url = callsForAction(e) ? groupLinks.apply(e) : null;
        return url == null ? "" : language.text("notify.line.who-answers", url) + "\n";
    }

    /** What to do, in how long, and what happens otherwise: for the events that call for action. */
    String rationaleLines(AlertEvent e) {
        if (!callsForAction(e)) {
            return "";
        }
        return rationales.of(e.ruleId(), e.pointId()).map(r -> (r.action() == null ? ""
                : language.text("notify.line.action", r.action(), r.responseTime() == null ? "-" : r.responseTime())
                        + "\n")
                + (r.consequence() == null ? "" : language.text("notify.line.consequence", r.consequence()) + "\n"))
                .orElse("");
    }

    private static boolean callsForAction(AlertEvent e) {
        return switch (e.type()) {
            case RAISED, LEVEL_CHANGED, REPEATED, ESCALATED, UNSHELVED -> true;
            default -> false;
        };
    }

    byte[] dingTalk(AlertEvent e) {
        return WireJson.write(Map.of("msgtype", "markdown", "markdown", Map.of("title", title(e), "text", markdown(e))));
    }

    byte[] weCom(AlertEvent e) {
        return WireJson.write(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(e))));
    }

    /**
     * The same text, with what lets a person answer from their phone in messages to them (SMS, voice): {@code links}
     * gives the signed link for an event's first recipient, {@code replyCodes} the code that answers the alert by
     * SMS reply; either gives null for none.
     */
    public NotificationText withLinks(java.util.function.Function<AlertEvent, String> links,
            java.util.function.Function<AlertEvent, String> replyCodes) {
        NotificationText t = copy();
        t.links = links;
        t.replyCodes = replyCodes;
        return t;
    }

    /**
     * The same text, with a link in group robots' messages that call for action: a group is not a person, so the
     * link asks who is answering ({@code groupLinks} gives it, or null).
     */
    public NotificationText withGroupLinks(java.util.function.Function<AlertEvent, String> groupLinks) {
        NotificationText t = copy();
        t.groupLinks = groupLinks;
        return t;
    }

    private NotificationText copy() {
        NotificationText t = new NotificationText(language, zone, rationales);
        t.links = links;
        t.replyCodes = replyCodes;
        t.groupLinks = groupLinks;
        return t;
    }

    /** The whole SMS: what happened, what to do, how to answer (reply code) and the link to the alert's page. */
    String sms(AlertEvent e) {
        String code = replyCode(e);
        return summary(e) + (code == null ? "" : language.text("notify.sms-reply", code)) + link(e);
    }

    /** What happened and what to do, without the ways to answer (a provider's template may place those itself). */
    String summary(AlertEvent e) {
        String when = time.format(Instant.ofEpochMilli(e.eventTime()));
        if (!answerable(e)) {
            return language.text("notify.sms-risk", sentence(e), when);
        }
        String id = e.alertId().substring(0, Math.min(8, e.alertId().length()));
        String action = callsForAction(e) ? rationales.of(e.ruleId(), e.pointId()).map(r -> r.action())
                .filter(a -> a != null).map(a -> language.text("notify.sms-action", a)).orElse("") : "";
        return (e.level() == null ? language.text("notify.sms-no-level", sentence(e), when, id)
                : language.text("notify.sms", Message.term("level." + e.level().name().toLowerCase()), sentence(e),
                        when, id)) + action;
    }

    /** What a voice call says: the level and what happened, and which key answers it. */
    public String voice(AlertEvent e) {
        if (!answerable(e)) {
            return language.text("notify.voice-risk", sentence(e));
        }
        return e.level() == null ? language.text("notify.voice-no-level", sentence(e))
                : language.text("notify.voice", Message.term("level." + e.level().name().toLowerCase()), sentence(e));
    }

    /** The parts of a message a provider's template may take: text, reply-code, link, level, point, alert. */
    public static final java.util.List<String> PARTS = java.util.List.of("text", "reply-code", "link", "level", "point",
            "alert");

    /** One part of the message for a provider's template placeholder; "" where the event has none. */
    public String part(String name, AlertEvent e) {
        String v = switch (name) {
            case "text" -> summary(e);
            case "reply-code" -> replyCode(e);
            case "link" -> personalLink(e);
            case "level" -> e.level() == null ? null
                    : language.text("notify.level", Message.term("level." + e.level().name().toLowerCase()));
            case "point" -> e.pointId();
            case "alert" -> e.alertId();
            default -> throw new IllegalArgumentException("unknown message part " + name + " (expected one of " + PARTS + ")");
        };
        return v == null ? "" : v;
    }

    /** The code that acknowledges this event's alert by SMS reply, or null. */
    String replyCode(AlertEvent e) {
        return e.recipients().isEmpty() || !answerable(e) ? null : replyCodes.apply(e);
    }

    /** The signed link for the person this event calls, or null. */
    String personalLink(AlertEvent e) {
        return e.recipients().isEmpty() || !answerable(e) ? null : links.apply(e);
    }

    /** A risk warning informs; it is not an alarm anyone acknowledges. */
    private static boolean answerable(AlertEvent e) {
        return e.type() != io.parkwatch.rules.model.AlertEventType.RISK_WARNING;
    }

    private String link(AlertEvent e) {
        String url = personalLink(e);
        return url == null ? "" : language.text("notify.sms-link", url);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
