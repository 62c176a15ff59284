package io.parkwatch.rules.model;

import java.util.List;

/**
 * Someone an escalation, a reminder or a hand-over calls, as data: who (a person of the contacts file), at which
 * tier of the chain of responsibility, and by which channels (empty: any).
 *
 * @param personId the person's id in the contacts file
 * @param name     as people know them
 * @param phone    for SMS and voice, or null
 * @param tier     the tier's id
 * @param tierName the tier's name
 * @param channels sms, voice, dingtalk, wecom, webhook, mqtt; empty for all
 */
public record Recipient(String personId, String name, String phone, String tier, String tierName,
        List<String> channels) {

    public Recipient {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Whether this channel is one that reaches this recipient. */
    public boolean reachedBy(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }
}
