package io.parkwatch.console.kpi;

import java.util.List;
import java.util.Map;

/**
 * The alarm performance of a period (see {@link AlarmPerformance} for the definitions).
 *
 * @param hours              length of the period
 * @param annunciations      alarms annunciated in the period
 * @param byLevel            annunciations per level (ISA-18.2 suggests few at the highest priority)
 * @param topTenSharePercent share of all annunciations produced by the ten most frequent alarms
 * @param floodTimePercent   share of the period's 10-minute intervals that were in flood
 * @param heldBack           what alarm management held back from annunciation in the period
 */
public record KpiReport(long from, long to, double hours, int annunciations, Map<String, Integer> byLevel,
        List<PositionLoad> positions, List<FrequentAlarm> topTen, double topTenSharePercent,
        List<Chattering> chattering, List<Standing> standing, List<Flood> floods, double floodTimePercent,
        HeldBack heldBack) {

    /**
     * @param shelves             alarms shelved in the period
     * @param shelvedHours        their shelved time within the period, together
     * @param longestShelvedHours the longest one
     * @param raisedHeldBack      alarms raised (or raised again) but not announced, by why: MASKED, SHELVED,
     *                            OUT_OF_SERVICE, SUPPRESSED_BY_MODE
     */
    public record HeldBack(int shelves, double shelvedHours, double longestShelvedHours,
            Map<String, Integer> raisedHeldBack) {
    }

    /** @param enterprise null for the park monitoring center */
    public record PositionLoad(String position, String enterprise, int alarms, double perHour, int peakPer10Min,
            String rating) {
    }

    public record FrequentAlarm(String rule, String subject, String enterprise, int count, double sharePercent,
            String lastMessage) {
    }

    public record Chattering(String rule, String subject, String enterprise, int maxIn60s, int annunciations) {
    }

    public record Standing(String alertId, String rule, String subject, String enterprise, String level, long raisedAt,
            double openHours) {
    }

    /** A flood (see {@link io.parkwatch.rules.incident.Flood}); {@code peakPer10Min}: the most in one window. */
    public record Flood(long start, long end, int annunciations, int peakPer10Min) {
    }
}
