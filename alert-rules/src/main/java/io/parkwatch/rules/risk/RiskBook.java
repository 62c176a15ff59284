package io.parkwatch.rules.risk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the risk tracking remembers for the park: the alarms still open and each subject's colour in force. Plain
 * fields, written as JSON, so it can grow without breaking what a checkpoint holds.
 */
public final class RiskBook {

    /** open alarms by id */
    public Map<String, OpenAlarm> open = new LinkedHashMap<>();
    /** each enterprise's and the park's colour in force */
    public Map<String, RiskColour> colours = new LinkedHashMap<>();
    /** the last warning number of each subject */
    public Map<String, Integer> seqs = new LinkedHashMap<>();
    /** a fingerprint of each subject's last published level, so only changes are published */
    public Map<String, Integer> published = new LinkedHashMap<>();
    /** the last day each enterprise was told its commitment is missing (ISO date) */
    public Map<String, String> commitmentNoticed = new LinkedHashMap<>();
    /** each enterprise's data quality of its latest hour */
    public Map<String, QualityHour> quality = new LinkedHashMap<>();
    /** the latest event time seen, and when (wall clock) it was seen: the assessment's clock between events */
    public long lastEventTime;
    public long lastSeenAt;

    /** Event time now: the latest event time seen plus the wall time since (a replay keeps its own clock). */
    public long eventTimeAt(long wallNow) {
        return lastEventTime == 0 ? wallNow : lastEventTime + Math.max(0, wallNow - lastSeenAt);
    }
}
