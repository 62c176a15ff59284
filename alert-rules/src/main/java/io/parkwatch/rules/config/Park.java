package io.parkwatch.rules.config;

import java.time.ZoneId;

/**
 * The park itself, as the {@code park:} section of the point registry names it.
 *
 * @param name     how people call the park (on the console, in notifications)
 * @param timeZone the park's time zone: every time shown to a person is in it (Asia/Shanghai unless told)
 */
public record Park(String name, ZoneId timeZone) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final Park DEFAULT = new Park("ParkWatch", CHINA);
}
