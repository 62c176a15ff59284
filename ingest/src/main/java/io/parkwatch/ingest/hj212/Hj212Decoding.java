package io.parkwatch.ingest.hj212;

import io.parkwatch.ingest.intake.ReadingIntake.Candidate;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.ReadingStats;
import io.parkwatch.rules.model.RejectReason;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the values of a data upload mean: CN 2011 real-time values ({@code code-Rtd}, {@code code-Flag})
 * become readings; CN 2051 / 2061 / 2031 minute, hour and day data ({@code code-Avg}, {@code -Min},
 * {@code -Max}) become interval statistics. Each code is mapped to its point by the logger's mapping;
 * a value that cannot be used is refused on its own, the others go on.
 */
public final class Hj212Decoding {

    public static final String REAL_TIME = "2011";
    static final Map<String, String> INTERVALS = Map.of("2051", "minute", "2061", "hour", "2031", "day");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Hj212Decoding() {
    }

    /** A value that could not be used: reason, sentence, point if known, the raw items. */
    public record Refusal(RejectReason reason, String detail, String pointId, String raw) {
    }

    public record Decoded(List<Candidate> readings, List<ReadingStats> stats, List<Refusal> refusals) {
    }

    public static boolean isDataUpload(String cn) {
        return REAL_TIME.equals(cn) || INTERVALS.containsKey(cn);
    }

    public static Decoded decode(Hj212Packet p, Hj212Logger logger, ZoneId zone, long receivedAt) {
        List<Candidate> readings = new ArrayList<>();
        List<ReadingStats> stats = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        String dataTime = null;
        for (Map<String, String> group : p.cpGroups()) {
            for (Map.Entry<String, String> item : group.entrySet()) {
                String key = item.getKey();
                if (key.equals("DataTime")) {
                    dataTime = item.getValue();
                    continue;
                }
                int dash = key.indexOf('-');
                if (dash <= 0) {
                    continue; // other parameters of the command, not values
                }
                byCode.computeIfAbsent(key.substring(0, dash), k -> new LinkedHashMap<>())
                        .put(key.substring(dash + 1), item.getValue());
            }
        }
        if (dataTime == null) {
            refusals.add(new Refusal(RejectReason.MISSING_TIMESTAMP, "no DataTime in CP", null, p.cp()));
            return new Decoded(readings, stats, refusals);
        }
        long time;
        try {
            time = LocalDateTime.parse(dataTime, DATA_TIME).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            refusals.add(new Refusal(RejectReason.BAD_TIMESTAMP, "DataTime '" + dataTime
                    + "' is not yyyyMMddHHmmss", null, p.cp()));
            return new Decoded(readings, stats, refusals);
        }
        String interval = INTERVALS.get(p.cn());
        for (Map.Entry<String, Map<String, String>> e : byCode.entrySet()) {
            String code = e.getKey();
            Map<String, String> v = e.getValue();
            String raw = "DataTime=" + dataTime + ";" + v.entrySet().stream()
                    .map(x -> code + "-" + x.getKey() + "=" + x.getValue()).reduce((a, b) -> a + "," + b).orElse("");
            String point = logger.codes().get(code);
            if (point == null) {
                refusals.add(new Refusal(RejectReason.UNKNOWN_CODE, "code '" + code + "' of logger " + logger.mn()
                        + " is not mapped to a point (hj212 loggers file)", null, raw));
                continue;
            }
            Quality q;
            try {
                q = Quality.parse(v.get("Flag"));
            } catch (IllegalArgumentException ex) {
                refusals.add(new Refusal(RejectReason.BAD_QUALITY_FLAG, ex.getMessage(), point, raw));
                continue;
            }
            if (interval == null) {
                String rtd = v.get("Rtd");
                if (rtd == null) {
                    refusals.add(new Refusal(RejectReason.MISSING_VALUE, "no " + code + "-Rtd value", point, raw));
                    continue;
                }
                Double value = number(rtd);
                if (value == null) {
                    refusals.add(new Refusal(RejectReason.NON_NUMERIC_VALUE, code + "-Rtd '" + rtd + "' is not a number",
                            point, raw));
                    continue;
                }
                readings.add(new Candidate(point, time, value, q, raw));
            } else {
                Double avg = number(v.get("Avg"));
                Double min = number(v.get("Min"));
                Double max = number(v.get("Max"));
                if (avg == null && min == null && max == null) {
                    refusals.add(new Refusal(RejectReason.MISSING_VALUE, "no numeric " + code + "-Avg, -Min or -Max",
                            point, raw));
                    continue;
                }
                stats.add(new ReadingStats(point, logger.enterpriseId(), interval, time, nan(avg), nan(min), nan(max), q,
                        receivedAt));
            }
        }
        return new Decoded(readings, stats, refusals);
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
