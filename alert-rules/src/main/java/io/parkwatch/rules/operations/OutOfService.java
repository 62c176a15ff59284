package io.parkwatch.rules.operations;

/**
 * An instrument taken out of service by an operator (repair, replacement): its readings are still received and
 * stored, its alarms are shown but not announced, and it is expected back by a time: past it, a maintenance alarm.
 *
 * @param pointId        the point
 * @param reason         why
 * @param since          from when, epoch ms
 * @param expectedReturn when it should be back, epoch ms
 * @param by             who took it out
 */
public record OutOfService(String pointId, String reason, long since, long expectedReturn, String by) {

    public boolean overdueAt(long now) {
        return now >= expectedReturn;
    }
}
