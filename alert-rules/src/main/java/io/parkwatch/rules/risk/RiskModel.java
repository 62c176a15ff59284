package io.parkwatch.rules.risk;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * How risk is scored (config/risk.yaml, documented line by line in docs/risk.md). Every number is points added to an
 * enterprise's score; the colours begin at the thresholds.
 *
 * @param yellow            the score at which yellow (一般风险) begins; below it, blue (低风险)
 * @param orange            where orange (较大风险) begins
 * @param red               where red (重大风险) begins
 * @param deadband          a colour falls only when the score is this far below where it began
 * @param grades            points per major hazard source by its grade (index 1 to 4; 0: not graded)
 * @param alarms            points per open alarm by its level
 * @param kinds             a factor on an alarm's points by what it measures (gas counts more), 1 when absent
 * @param unanswered        an announced alarm nobody has acknowledged: the largest step it has reached adds
 * @param dataAlarm         per open data-quality alarm (a point offline, stuck, flagged)
 * @param loggerOffline     per data logger offline
 * @param shutDownActivity  per alarm of activity at a plant or unit declared shut down
 * @param modes             the plant or one of its units in this operating mode (the largest one counts)
 * @param specialOperations per special operation the day's commitment plans (特殊作业), by its kind
 * @param otherOperation    per special operation of a kind {@code specialOperations} does not list
 * @param commitmentDue     the day's safety commitment must be in by this time (park clock)
 * @param commitmentMissing while the day's commitment is missing after {@code commitmentDue}
 * @param park              the park's score: its highest enterprise's, plus this for each other enterprise by colour
 * @param evaluateEvery     how often the job assesses, between events (time makes alarms unanswered longer)
 * @param onlineBelow       the enterprise's online rate of its last hour below this (0 to 1) adds {@code onlineAdd}
 * @param onlineAdd         see {@code onlineBelow}
 * @param completeBelow     its completeness of the last hour below this adds {@code completeAdd}
 * @param completeAdd       see {@code completeBelow}
 * @param commitmentLate    for the rest of the day, a commitment submitted after {@code commitmentDue}
 */
public record RiskModel(double yellow, double orange, double red, double deadband, double[] grades,
        Map<Level, Double> alarms, Map<PointKind, Double> kinds, List<Step> unanswered, double dataAlarm,
        double loggerOffline, double shutDownActivity, Map<String, Double> modes, Map<String, Double> specialOperations,
        double otherOperation, LocalTime commitmentDue, double commitmentMissing, Map<RiskColour, Double> park,
        Duration evaluateEvery, double onlineBelow, double onlineAdd, double completeBelow, double completeAdd,
        double commitmentLate) {

    /** From {@code after} unanswered on, an alarm adds {@code add}. */
    public record Step(Duration after, double add) {
    }

    /** The colour of a score, ignoring the deadband. */
    public RiskColour colourOf(double score) {
        if (score >= red) {
            return RiskColour.RED;
        }
        if (score >= orange) {
            return RiskColour.ORANGE;
        }
        return score >= yellow ? RiskColour.YELLOW : RiskColour.BLUE;
    }

    /** Where a colour begins. */
    public double threshold(RiskColour c) {
        return switch (c) {
            case BLUE -> Double.NEGATIVE_INFINITY;
            case YELLOW -> yellow;
            case ORANGE -> orange;
            case RED -> red;
        };
    }

    /**
     * The colour after {@code before} given the new score: it rises at once; it falls only as far as the score is
     * below the colours' thresholds by the deadband.
     */
    public RiskColour next(RiskColour before, double score) {
        RiskColour plain = colourOf(score);
        if (before == null || plain.compareTo(before) >= 0) {
            return plain;
        }
        RiskColour c = before;
        while (c.compareTo(plain) > 0 && score < threshold(c) - deadband) {
            c = RiskColour.values()[c.ordinal() - 1];
        }
        return c;
    }
}
