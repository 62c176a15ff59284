package io.parkwatch.rules.risk;

import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.text.Message;
import java.util.List;

/**
 * A risk warning (风险预警): an enterprise's or the park's colour changed. Its id is derived from the subject and a
 * count, so a replay after a failure produces the same ids.
 *
 * @param warningId "risk-" subject "-" sequence
 * @param seq       1 for the subject's first change, then counting up
 * @param previous  the colour before
 * @param level     the colour now, with its score and reasons
 * @param text      the sentence for people (subject, colours, main reasons) through the catalogue
 * @param recipients whom a rise reaches by phone (the tiers the contacts file names for warnings); empty for a fall,
 *                  which groups and systems are told of
 * @param kind       {@value #COLOUR} (the colour changed), or {@value #COMMITMENT_MISSING} (the day's safety
 *                  commitment is not in by its due time: the enterprise is told once a day, whatever its colour)
 */
public record RiskWarning(String warningId, int seq, RiskColour previous, RiskLevel level, Message text,
        List<Recipient> recipients, String kind) {

    public static final String COLOUR = "colour";
    public static final String COMMITMENT_MISSING = "commitment-missing";

    public RiskWarning {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        kind = kind == null ? COLOUR : kind;
    }

    public RiskWarning(String warningId, int seq, RiskColour previous, RiskLevel level, Message text,
            List<Recipient> recipients) {
        this(warningId, seq, previous, level, text, recipients, COLOUR);
    }

    public RiskWarning withRecipients(List<Recipient> r) {
        return new RiskWarning(warningId, seq, previous, level, text, r, kind);
    }

    /** Whether people are called about it: a rise, or a missing commitment. */
    public boolean callsPeople() {
        return rising() || COMMITMENT_MISSING.equals(kind);
    }

    /** A rise (to a more severe colour): what is pushed to the enterprise and the regulator. */
    public boolean rising() {
        return level.colour().compareTo(previous) > 0;
    }
}
