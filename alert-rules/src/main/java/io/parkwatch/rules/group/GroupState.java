package io.parkwatch.rules.group;

import io.parkwatch.rules.engine.SampleWindow;
import io.parkwatch.rules.engine.LimitState;
import java.util.HashMap;
import java.util.Map;

/** What a group rule remembers about one group (zone, unit or logger). */
public final class GroupState {

    /** The group's subject ({@code zone:HX-Z1}) and enterprise, from its first signal. */
    public String subject;
    public String enterpriseId;
    /** Per member point: its latest signal. */
    public Map<String, Member> members = new HashMap<>();
    /** The group alert (zone vote, unit condition, logger offline). */
    public LimitState group = new LimitState();
    /** Per point alerts decided by the group (a silent point while its logger still talks). */
    public Map<String, LimitState> perPoint = new HashMap<>();

    public GroupState() {
    }

    /** One member point as last heard. */
    public static final class Member {
        public long lastTimestamp;
        public double value;
        public boolean counting;
        public boolean silent;
        public long silentSince;
        public String kind;
        public SampleWindow samples;

        public Member() {
        }
    }
}
