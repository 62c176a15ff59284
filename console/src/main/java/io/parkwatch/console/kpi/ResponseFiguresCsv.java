package io.parkwatch.console.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.parkwatch.rules.text.Catalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The response figures as CSV, with headers in the reader's language: one row per enterprise, level and tier, then the park. */
public final class ResponseFiguresCsv {

    static final List<String> COLUMNS = List.of("enterprise", "level", "tier", "reached", "in-time", "in-time-percent",
            "median-seconds", "p90-seconds", "escalated", "unanswered");

    private ResponseFiguresCsv() {
    }

    public static String write(ResponseFigures.Report r, Catalogue words) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(c -> words.text("response." + c)).toList());
        r.rows().forEach(x -> rows.add(row(x.enterprise(), x.level(), x.tierName(), x)));
        rows.add(row(words.text("response.park"), "", "", r.park()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        COLUMNS.forEach(schema::addColumn);
        try {
            return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> row(String enterprise, String level, String tier, ResponseFigures.Row x) {
        return Arrays.asList(enterprise, level, tier, String.valueOf(x.reached()), String.valueOf(x.inTime()),
                String.valueOf(x.inTimePercent()), x.medianSeconds() == null ? "" : String.valueOf(x.medianSeconds()),
                x.p90Seconds() == null ? "" : String.valueOf(x.p90Seconds()), String.valueOf(x.escalated()),
                String.valueOf(x.unanswered()));
    }
}
