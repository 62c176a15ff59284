package io.parkwatch.rules.risk;

import java.util.List;

/**
 * An enterprise's (or the park's) risk as it stands: its colour, the score that gave it and the contributions, largest
 * first.
 *
 * @param subject an enterprise id, or {@value RiskAssessment#PARK}
 * @param colour  the colour in force (it falls only past the model's deadband)
 * @param score   the sum of the contributions
 * @param reasons what makes up the score, largest first
 * @param at      when it was assessed, epoch ms
 */
public record RiskLevel(String subject, RiskColour colour, double score, List<RiskReason> reasons, long at) {

    public RiskLevel {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
