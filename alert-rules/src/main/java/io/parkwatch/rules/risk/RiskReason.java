package io.parkwatch.rules.risk;

import io.parkwatch.rules.text.Message;

/**
 * One contribution to a risk score: what it is, for machines and for people, and how much it adds.
 *
 * @param cause  what contributes: {@code hazard-source}, {@code alarm}, {@code unanswered}, {@code data},
 *               {@code logger-offline}, {@code shut-down-activity}, {@code mode}, {@code special-operation},
 *               {@code commitment-missing}, {@code enterprise} (for the park)
 * @param subject what it is about: a hazard source, an alarm, a unit, an enterprise, or null
 * @param points  how much it adds to the score
 * @param text    the same for people, through the message catalogue
 */
public record RiskReason(String cause, String subject, double points, Message text) {
}
