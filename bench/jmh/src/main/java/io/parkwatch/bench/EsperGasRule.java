package io.parkwatch.bench;

import io.parkwatch.rules.threshold.ThresholdRule;
import java.util.Locale;

/**
 * The GB/T 50493 gas threshold rule (alarm and critical limits, deadband, on-delay) written in Esper's EPL, as a
 * Flink-less alerting system on Esper would hold it: per-point state in an EPL table keyed by point, a reading
 * judged against it in three small insert-into steps (since when each limit is exceeded, the level reached, the
 * transition), the table merged from the last step. The semantics are the core's {@code LevelMachine}: a level is
 * reached when its limit has been met or exceeded for the on-delay by the readings' own timestamps, the alert latches
 * at its highest level, and recovers once the value is below the lowest limit by more than the deadband (no
 * off-delay, as the rule has none). Transitions come out as {@link Transition}s, to be compared with the core's.
 */
final class EsperGasRule {

    /** An alert transition: RAISED, LEVEL_CHANGED or RECOVERED, the level (1 alarm, 2 critical), and when. */
    record Transition(String type, int level, long at) {
    }

    private EsperGasRule() {
    }

    /** The rule deployed on an Esper runtime of its own, its transitions collected. */
    static EsperModule<Transition> deploy(ThresholdRule rule) throws Exception {
        EsperModule<Transition> module = new EsperModule<>(epl(rule, "Reading", ""), EsperReading.class, false);
        module.listen("transitions", e -> new Transition((String) e.get("type"), ((Number) e.get("level")).intValue(),
                ((Number) e.get("ts")).longValue()));
        return module;
    }

    /**
     * The rule's EPL over the readings of stream {@code input} (pointId, ts, value); its table and streams are named
     * with {@code prefix}, its transitions come out of the statement named {@code prefix + "transitions"} as
     * type, level (1 alarm, 2 critical) and ts.
     */
    static String epl(ThresholdRule rule, String input, String prefix) {
        double alarm = rule.high().of(io.parkwatch.rules.model.Level.ALARM);
        double critical = rule.high().of(io.parkwatch.rules.model.Level.CRITICAL);
        double clear = alarm - rule.deadband();
        long delay = rule.onDelay().toMillis();
        return String.format(Locale.ROOT, """
                create table %5$sGasState(pointId string primary key, alarmSince long, criticalSince long, open int);

                insert into %5$sExceeded select pointId, ts, value,
                  case when value >= %1$s then coalesce(%5$sGasState[pointId].alarmSince, ts) else null end as alarmSince,
                  case when value >= %2$s then coalesce(%5$sGasState[pointId].criticalSince, ts) else null end as criticalSince,
                  coalesce(%5$sGasState[pointId].open, 0) as open
                from %6$s;

                insert into %5$sReached select pointId, ts, value, alarmSince, criticalSince, open,
                  case when criticalSince is not null and ts - criticalSince >= %4$d then 2
                       when alarmSince is not null and ts - alarmSince >= %4$d then 1
                       else 0 end as reached
                from %5$sExceeded;

                insert into %5$sStep select pointId, ts, alarmSince, criticalSince, open,
                  case when open = 0 and reached > 0 then 'RAISED'
                       when open > 0 and reached > open then 'LEVEL_CHANGED'
                       when open > 0 and value < %3$s then 'RECOVERED'
                       else null end as type,
                  case when open = 0 and reached > 0 then reached
                       when open > 0 and reached > open then reached
                       when open > 0 and value < %3$s then 0
                       else open end as next
                from %5$sReached;

                on %5$sStep s merge %5$sGasState g where g.pointId = s.pointId
                  when matched then update set alarmSince = s.alarmSince, criticalSince = s.criticalSince, open = s.next
                  when not matched then insert select s.pointId as pointId, s.alarmSince as alarmSince,
                    s.criticalSince as criticalSince, s.next as open;

                @name('%5$stransitions') select type, case when type = 'RECOVERED' then open else next end as level, ts
                from %5$sStep where type is not null;
                """, num(alarm), num(critical), num(clear), delay, prefix, input);
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) + ".0" : String.valueOf(d);
    }

}
