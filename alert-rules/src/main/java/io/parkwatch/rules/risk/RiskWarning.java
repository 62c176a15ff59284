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
 */
public record RiskWarning(String warningId, int seq, RiskColour previous, RiskLevel level, Message text,
        List<Recipient> recipients) {

    public RiskWarning {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public RiskWarning withRecipients(List<Recipient> r) {
        return new RiskWarning(warningId, seq, previous, level, text, r);
    }

    /** A rise (to a more severe colour): what is pushed to the enterprise and the regulator. */
    public boolean rising() {
        return level.colour().compareTo(previous) > 0;
    }
}
