package io.parkwatch.console.notify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Recipient;
import java.time.Duration;
import java.util.Optional;

/**
 * The voice calls placed about alerts, by the provider's call id: a key press reported for a call is an answer to
 * that call's alert by the person called. Kept in memory, bounded (a console restarted between a call and the key
 * press finds the alert by the number called instead, when only one open alert called it).
 */
public final class VoiceCalls {

    /** What one call was about and to whom. */
    public record Call(String alertId, String alertKey, String personId, String phone) {

        static Call of(AlertEvent e, Recipient r, String phone) {
            return new Call(e.alertId(), Alert.key(e.ruleId(), e.pointId(), e.direction()),
                    r == null ? null : r.personId(), PhoneNumber.normalize(phone));
        }
    }

    private final Cache<String, Call> calls = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    public void placed(String callId, AlertEvent e) {
        if (callId != null && !callId.isBlank()) {
            calls.put(callId, Call.of(e, PhoneCalls.recipient(e).orElse(null), PhoneCalls.phone(e)));
        }
    }

    public Optional<Call> call(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(calls.getIfPresent(callId));
    }
}
