package io.parkwatch.console.links;

import io.parkwatch.console.context.AlarmReportPage;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.util.List;
import java.util.Locale;

/**
 * The phone-sized page a signed link opens: the alert, its latest value and chart, who else was called, and a button
 * to acknowledge (叫应) with an optional comment; or why the link cannot be used. No script, every text escaped.
 */
public final class MobilePage {

    private MobilePage() {
    }

    public static String alert(Alert a, String message, List<RecentReadings.Sample> readings, List<String> called,
            String personName, String token, Catalogue words) {
        StringBuilder h = summary(a, message, readings, called, words);
        Alert.Handling handling = a.handlingOrNew();
        if (handling.acknowledged()) {
            acknowledgedBy(h, handling, words);
        } else {
            h.append("<form method=\"post\" action=\"/m/").append(esc(token)).append("\"><label>")
                    .append(esc(words.text("mobile.comment"))).append("<textarea name=\"comment\" maxlength=\"2000\" rows=\"3\">"
                    + "</textarea></label><button type=\"submit\" id=\"ack\">")
                    .append(esc(words.text("mobile.acknowledge", personName))).append("</button></form>");
        }
        return h.append("</body></html>").toString();
    }

    /** One of the people the alert reached, as the group page lists them. */
    public record Person(String id, String name, String tierName) {
    }

    /**
     * The page of a group chat's link: the alert, then who is answering: each person the alert reached asks for a
     * one-time code on their own phone; or the console.
     */
    public static String group(Alert a, String message, List<RecentReadings.Sample> readings, List<Person> reached,
            String token, Catalogue words) {
        StringBuilder h = summary(a, message, readings, List.of(), words);
        Alert.Handling handling = a.handlingOrNew();
        if (handling.acknowledged()) {
            acknowledgedBy(h, handling, words);
        } else {
            h.append("<h2>").append(esc(words.text(reached.isEmpty() ? "mobile.no-one" : "mobile.who-answers")))
                    .append("</h2>");
            for (Person p : reached) {
                h.append("<form method=\"post\" action=\"/m/").append(esc(token)).append("\">")
                        .append("<input type=\"hidden\" name=\"step\" value=\"code\"><input type=\"hidden\" name=\"person\" value=\"")
                        .append(esc(p.id())).append("\"><button type=\"submit\" class=\"who\" data-person=\"").append(esc(p.id()))
                        .append("\">").append(esc(words.text("mobile.i-am", p.name(), p.tierName()))).append("</button></form>");
            }
        }
        h.append("<p><a href=\"/#/alert/").append(esc(a.alertId())).append("\">").append(esc(words.text("mobile.console")))
                .append("</a></p>");
        return h.append("</body></html>").toString();
    }

    /** After a code was sent: the code, a comment, and the button that acknowledges in the chosen person's name. */
    public static String codeForm(Alert a, Person p, String maskedPhone, String token, String problem, Catalogue words) {
        StringBuilder h = head(words.text("mobile.title", a.pointId()));
        h.append("<h1>").append(esc(a.pointId())).append("</h1>");
        if (problem != null) {
            h.append("<p class=\"bad\">").append(esc(problem)).append("</p>");
        }
        h.append("<p class=\"ok\">").append(esc(words.text("mobile.code-sent", maskedPhone))).append("</p>")
                .append("<form method=\"post\" action=\"/m/").append(esc(token)).append("\">")
                .append("<input type=\"hidden\" name=\"step\" value=\"ack\"><input type=\"hidden\" name=\"person\" value=\"")
                .append(esc(p.id())).append("\"><label>").append(esc(words.text("mobile.code")))
                .append("<input name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\"></label><label>")
                .append(esc(words.text("mobile.comment"))).append("<textarea name=\"comment\" maxlength=\"2000\" rows=\"3\">"
                        + "</textarea></label><button type=\"submit\" id=\"ack\">")
                .append(esc(words.text("mobile.acknowledge", p.name()))).append("</button></form>");
        return h.append("</body></html>").toString();
    }

    private static void acknowledgedBy(StringBuilder h, Alert.Handling handling, Catalogue words) {
        h.append("<p class=\"ok\">").append(esc(words.text("mobile.already-acknowledged", handling.acknowledgedBy(),
                words.word(Message.time(handling.acknowledgedAt()))))).append("</p>");
    }

    private static StringBuilder summary(Alert a, String message, List<RecentReadings.Sample> readings,
            List<String> called, Catalogue words) {
        StringBuilder h = head(words.text("mobile.title", a.pointId()));
        h.append("<h1>").append(esc(words.word(Message.term("level." + a.level().label())))).append(" · ")
                .append(esc(a.pointId())).append("</h1><p class=\"msg\">").append(esc(message)).append("</p>");
        h.append("<p>").append(esc(words.text("mobile.state", words.word(Message.term("state." + a.state().name())),
                fmt(a.lastValue()) + " " + (a.unit() == null ? "" : a.unit()), words.word(Message.time(a.updatedAt())))))
                .append("</p>");
        if (readings.size() > 1) {
            h.append(AlarmReportPage.chart(readings, readings.get(0).t(), readings.get(readings.size() - 1).t(),
                    a.raisedAt()).replace("width=\"640\"", "width=\"100%\" viewBox=\"0 0 640 120\""));
        }
        if (!called.isEmpty()) {
            h.append("<p class=\"muted\">").append(esc(words.text("mobile.called", String.join("、", called))))
                    .append("</p>");
        }
        return h;
    }

    /** A result (acknowledged) or a refusal, with the reason. */
    public static String notice(String title, String text, boolean good, Catalogue words) {
        StringBuilder h = head(title);
        h.append("<h1>").append(esc(title)).append("</h1><p class=\"").append(good ? "ok" : "bad").append("\">")
                .append(esc(text)).append("</p>");
        return h.append("</body></html>").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
                .append("</title><style>body{font:16px/1.5 sans-serif;margin:12px;max-width:480px}h1{font-size:20px}"
                        + ".msg{font-size:17px}.muted{color:#666}.ok{color:#1b5e20;font-weight:600}"
                        + ".bad{color:#b71c1c;font-weight:600}textarea{width:100%;font-size:16px;margin:6px 0}"
                        + "button{width:100%;padding:14px;font-size:18px;background:#c62828;color:#fff;border:0;"
                        + "border-radius:6px}button.who{background:#1565c0;margin:6px 0}input{width:100%;font-size:20px;"
                        + "letter-spacing:4px;margin:6px 0}h2{font-size:17px}svg{border:1px solid #ddd}</style></head><body>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    static String esc(String s) {
        return AlarmReportPage.esc(s);
    }
}
