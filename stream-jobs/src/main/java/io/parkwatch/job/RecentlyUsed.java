package io.parkwatch.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few values used, the least recently used dropped first: what a process keeps of configurations that are
 * megabytes each (the one in force and one being checked), not one per operator. Not synchronized.
 */
final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int kept;

    RecentlyUsed(int kept) {
        super(4, 0.75f, true);
        this.kept = kept;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > kept;
    }
}
