package io.parkwatch.console.context;

import io.parkwatch.console.board.AlertView;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Rationale;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alarm's report as a page to print (A4, no script): what it is, its rationalization, the rule version, the
 * timeline, and a small chart and figures of each point of its context. Every text from outside is escaped.
 */
public final class AlarmReportPage {

    private AlarmReportPage() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> report, Alert a, Catalogue words) {
        AlertView v = (AlertView) report.get("alert");
        Rationale why = (Rationale) report.get("rationale");
        Map<String, Object> version = (Map<String, Object>) report.get("ruleVersion");
        List<AlertEvent> timeline = (List<AlertEvent>) report.get("timeline");
        AlarmContext context = (AlarmContext) report.get("context");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").append(esc(words.text("page.title",
                v.point()))).append("</title><style>body{font:13px/1.5 sans-serif;margin:24px;color:#111}"
                + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:2px 6px;text-align:left;"
                + "vertical-align:top}h1{font-size:20px}h2{font-size:15px;margin-top:18px}svg{border:1px solid #ccc}"
                + "@media print{@page{size:A4}}</style></head><body>");
        h.append("<h1>").append(esc(words.text("page.title", v.point()))).append("</h1>");
        h.append("<table>");
        row(h, words.text("page.message"), v.message());
        row(h, words.text("page.enterprise"), v.enterprise() + (v.tank() == null ? "" : " / " + v.tank()));
        row(h, words.text("page.rule"), v.rule());
        row(h, words.text("page.level-state"), words.word(Message.term("level." + v.level().toLowerCase(Locale.ROOT)))
                + " / " + words.word(Message.term("state." + v.state())));
        row(h, words.text("page.raised"), words.word(Message.time(a.raisedAt())));
        row(h, words.text("page.last-peak"), v.lastValue() + " / " + v.peakValue() + " " + (v.unit() == null ? "" : v.unit()));
        row(h, words.text("page.acknowledged"), v.acknowledgedBy() == null ? "–" : v.acknowledgedBy());
        row(h, words.text("page.closed"), v.closedBy() == null ? "–" : v.closedBy() + ": " + v.closeNote());
        if (version != null) {
            row(h, words.text("page.rule-version"), version.get("tag") + (version.get("version") == null ? ""
                    : " · " + words.text("page.rule-version-applied", version.get("version"), version.get("appliedAt"),
                            String.valueOf(version.get("appliedBy")), String.valueOf(version.get("reason")))));
        }
        h.append("</table><h2>").append(esc(words.text("page.rationale"))).append("</h2>");
        if (why == null) {
            h.append("<p>").append(esc(words.text("page.no-rationale"))).append("</p>");
        } else {
            h.append("<table>");
            row(h, words.text("page.action"), why.action());
            row(h, words.text("page.response-time"), why.responseTime());
            row(h, words.text("page.consequence"), why.consequence());
            row(h, words.text("page.cause"), why.cause());
            row(h, words.text("page.priority"), why.priority());
            row(h, words.text("page.class"), why.alarmClass());
            h.append("</table>");
        }
        h.append("<h2>").append(esc(words.text("page.timeline"))).append("</h2><table><tr><th>")
                .append(esc(words.text("page.when"))).append("</th><th>").append(esc(words.text("page.what")))
                .append("</th><th>").append(esc(words.text("page.who"))).append("</th><th>")
                .append(esc(words.text("page.message"))).append("</th></tr>");
        for (AlertEvent e : timeline) {
            h.append("<tr><td>").append(esc(words.word(Message.time(e.detectedAt())))).append("</td><td>")
                    .append(esc(words.word(Message.term("event." + e.type())))).append("</td><td>")
                    .append(esc(e.actor() == null ? "" : e.actor())).append("</td><td>").append(esc(e.message()))
                    .append(e.note() == null ? "" : "<br><i>" + esc(e.note()) + "</i>").append("</td></tr>");
        }
        h.append("</table><h2>").append(esc(words.text("page.context", words.word(Message.time(context.from())),
                words.word(Message.time(context.to()))))).append("</h2>");
        if (!context.complete()) {
            h.append("<p>").append(esc(words.text("page.context-open"))).append("</p>");
        }
        for (AlarmContext.PointReadings p : context.points()) {
            List<RecentReadings.Sample> s = p.readings();
            double min = s.stream().mapToDouble(RecentReadings.Sample::v).min().orElse(0);
            double max = s.stream().mapToDouble(RecentReadings.Sample::v).max().orElse(0);
            h.append("<h3>").append(esc(p.pointId())).append(" · ").append(esc(p.name())).append(" <small>(")
                    .append(esc(words.text("page.relation." + p.relation()))).append(")</small></h3><p>")
                    .append(esc(words.text("page.figures", s.size(), fmt(min), fmt(max), p.unit() == null ? ""
                            : p.unit()))).append(p.truncated() ? " " + esc(words.text("page.truncated")) : "")
                    .append("</p>").append(chart(s, context.from(), context.to(), a.raisedAt()));
        }
        h.append("</body></html>");
        return h.toString();
    }

    /** A plain polyline of the readings, with the moment the alarm was raised marked. */
    public static String chart(List<RecentReadings.Sample> s, long from, long to, long raisedAt) {
        int w = 640;
        int ht = 120;
        if (s.isEmpty() || to <= from) {
            return "";
        }
        double min = s.stream().mapToDouble(RecentReadings.Sample::v).min().orElse(0);
        double max = s.stream().mapToDouble(RecentReadings.Sample::v).max().orElse(1);
        double span = max > min ? max - min : 1;
        StringBuilder pts = new StringBuilder();
        for (RecentReadings.Sample x : s) {
            double px = (x.t() - from) * (double) w / (to - from);
            double py = ht - 4 - (x.v() - min) * (ht - 8) / span;
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        }
        double rx = (raisedAt - from) * (double) w / (to - from);
        return String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\"><line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" "
                + "y2=\"%d\" stroke=\"#c62828\" stroke-dasharray=\"4\"/><polyline fill=\"none\" stroke=\"#1565c0\" "
                + "points=\"%s\"/></svg>", w, ht, rx, rx, ht, pts.toString().trim());
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value == null ? "–" : value))
                .append("</td></tr>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
