package io.parkwatch.console;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.history.HistorySource;
import io.parkwatch.console.map.SitePlan;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the console (section {@code console} of parkwatch.yaml).
 *
 * @param bindHost          address to listen on
 * @param httpPort          HTTP port (8080 by default; 0 picks a free one)
 * @param users             who may log in (config/users.yaml)
 * @param sessionIdle       a session without activity ends after this (an open board is activity)
 * @param sessionMaxAge     a session ends this long after login whatever happens (a shift)
 * @param readingsPerPoint  recent readings kept per point for charts and the overview
 * @param maxHistoryEvents  alert events kept in memory for timelines and alarm performance
 * @param sessionFile       where sessions are kept so they outlive a restart, or null (memory only)
 * @param sitePlan          the park on a map ({@link SitePlan#NONE} when there is none)
 * @param sitePlanDir       the site plan's folder (its background image is there), or null
 * @param history           where readings older than the recent buffer are read (InfluxDB), or null
 * @param contextBefore     an alarm's context starts this long before it was raised
 * @param contextAfter      and ends this long after it recovered (or was closed)
 * @param links             signs and checks the links people get to acknowledge from a phone, or null for none
 * @param callbackToken     the secret part of the addresses SMS and voice providers call back (answers by SMS
 *                          reply and key press), or null: no callbacks taken
 * @param voiceCalls        the voice calls the notifier placed (a key press answers the call's alert)
 * @param codeSender        sends one-time codes to who says they answer a group chat's link (the SMS channel), or
 *                          null: those pages offer the console only
 * @param flood             what a flood is (the park's one definition; the job uses the same)
 */
@RecordBuilder
public record ConsoleConfig(String bindHost, int httpPort, Map<String, ConsoleUser> users, Duration sessionIdle,
        Duration sessionMaxAge, int readingsPerPoint, int maxHistoryEvents, java.nio.file.Path sessionFile,
        SitePlan sitePlan, java.nio.file.Path sitePlanDir, HistorySource history, Duration contextBefore,
        Duration contextAfter, io.parkwatch.console.links.LinkSigner links, String callbackToken,
        io.parkwatch.console.notify.VoiceCalls voiceCalls, io.parkwatch.console.notify.TextSender codeSender,
        io.parkwatch.rules.incident.Flood flood) implements ConsoleConfigBuilder.With {

    public static ConsoleConfig of(String bindHost, int httpPort, Map<String, ConsoleUser> users) {
        return ConsoleConfigBuilder.builder().bindHost(bindHost).httpPort(httpPort).users(users)
                .sessionIdle(Duration.ofMinutes(30)).sessionMaxAge(Duration.ofHours(12)).readingsPerPoint(3600)
                .maxHistoryEvents(500_000).sitePlan(SitePlan.NONE).contextBefore(Duration.ofMinutes(10))
                .contextAfter(Duration.ofMinutes(10))
                .voiceCalls(new io.parkwatch.console.notify.VoiceCalls())
                .flood(io.parkwatch.rules.incident.Flood.EEMUA_191).build();
    }
}
