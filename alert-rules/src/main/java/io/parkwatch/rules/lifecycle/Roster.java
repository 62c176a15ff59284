package io.parkwatch.rules.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is on duty when: shifts by weekday and time of day, on the park's clock. A shift whose end is not after its
 * start runs past midnight (20:00 to 08:00 belongs to the day it starts on).
 *
 * @param id     how tiers name it ({@code roster: park-duty})
 * @param name   for people
 * @param shifts in file order; the first that covers a moment decides
 */
public record Roster(String id, String name, List<Shift> shifts) {

    /** One shift: on these days, from this time to that, this person. */
    public record Shift(Set<DayOfWeek> days, LocalTime from, LocalTime to, String personId) {

        /** Whether the shift covers this moment (a shift past midnight covers the morning of the next day). */
        boolean covers(ZonedDateTime at) {
            LocalTime t = at.toLocalTime();
            if (from.isBefore(to)) {
                return days.contains(at.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
            }
            return (days.contains(at.getDayOfWeek()) && !t.isBefore(from))
                    || (days.contains(at.getDayOfWeek().minus(1)) && t.isBefore(to));
        }
    }

    /** The person on duty at that moment, if any shift covers it. */
    public Optional<String> onDuty(ZonedDateTime at) {
        return shifts.stream().filter(s -> s.covers(at)).map(Shift::personId).findFirst();
    }

    /** The next moment after {@code at} when a shift begins or ends (a hand-over may be due then), at most a week on. */
    public ZonedDateTime nextChange(ZonedDateTime at) {
        ZonedDateTime best = at.plusWeeks(1);
        for (Shift s : shifts) {
            for (LocalTime edge : List.of(s.from(), s.to())) {
                ZonedDateTime candidate = at.with(edge).withSecond(0).withNano(0);
                if (!candidate.isAfter(at)) {
                    candidate = candidate.plusDays(1);
                }
                if (candidate.isBefore(best)) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
