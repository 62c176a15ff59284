package io.parkwatch.rules.dataquality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adds points' hours up to a period's figures per point, per data logger and per enterprise. Pure: the console's
 * page and API and the daily report compute the same numbers.
 */
public final class QualityRollup {

    private QualityRollup() {
    }

    /** Point, then logger, then enterprise figures of these hours, each level sorted by subject. */
    public static List<QualityFigures> of(Collection<PointQuality> hours) {
        List<QualityFigures> out = new ArrayList<>();
        out.addAll(by(hours, PointQuality::pointId).values().stream().map(h -> points("point", h.get(0).pointId(), h))
                .sorted(Comparator.comparing(QualityFigures::subject)).toList());
        out.addAll(by(hours, PointQuality::logger).values().stream().map(QualityRollup::logger)
                .sorted(Comparator.comparing(QualityFigures::subject)).toList());
        out.addAll(by(hours, PointQuality::enterpriseId).values().stream().map(QualityRollup::enterprise)
                .sorted(Comparator.comparing(QualityFigures::subject)).toList());
        return out;
    }

    private static Map<String, List<PointQuality>> by(Collection<PointQuality> hours, Function<PointQuality, String> key) {
        return hours.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    /** Sums over points' hours; the online rate is the mean of theirs. */
    private static QualityFigures points(String level, String subject, List<PointQuality> h) {
        return figures(level, subject, h, h.stream().mapToDouble(PointQuality::onlineRate).average().orElse(0));
    }

    /** A logger is online in an hour as long as its best point was. */
    private static QualityFigures logger(List<PointQuality> h) {
        double online = h.stream().collect(Collectors.groupingBy(PointQuality::hourStart)).values().stream()
                .mapToDouble(hour -> hour.stream().mapToDouble(PointQuality::onlineRate).max().orElse(0))
                .average().orElse(0);
        return figures("logger", h.get(0).logger(), h, online);
    }

    /** An enterprise's online rate is the mean of its loggers'. */
    private static QualityFigures enterprise(List<PointQuality> h) {
        double online = by(h, PointQuality::logger).values().stream().mapToDouble(l -> logger(l).onlineRate())
                .average().orElse(0);
        return figures("enterprise", h.get(0).enterpriseId(), h, online);
    }

    private static QualityFigures figures(String level, String subject, List<PointQuality> h, double online) {
        long expected = h.stream().mapToLong(PointQuality::expected).sum();
        long counted = h.stream().mapToLong(q -> Math.min(q.received(), q.expected())).sum();
        long received = h.stream().mapToLong(PointQuality::received).sum();
        long abnormal = h.stream().mapToLong(PointQuality::abnormal).sum();
        DelayHistogram delays = new DelayHistogram();
        h.forEach(q -> delays.addAll(q.delays()));
        return new QualityFigures(level, subject, h.get(0).enterpriseId(), h.size(), round(online),
                round(expected == 0 ? 1 : counted / (double) expected), received, expected, delays.quantile(0.5),
                delays.quantile(0.95), round(received == 0 ? 0 : abnormal / (double) received));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
