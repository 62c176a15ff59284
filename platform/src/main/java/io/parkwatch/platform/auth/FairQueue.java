package io.parkwatch.platform.auth;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Work waiting for a password check, served round-robin: first across source addresses, then across the
 * user names of one address. A flood from a few addresses therefore delays a device from another address
 * by at most one check per flooding address, and a flood behind one NAT address by one check per user
 * name there. Bounded three ways (per address and user, per address, in all); {@link #offer} says no at
 * once when a bound is reached, so nothing waits without end. Not thread-safe: the gate locks around it.
 */
final class FairQueue<T> {

    private final int perUser;
    private final int perSource;
    private final int total;
    private final Map<String, LinkedHashMap<String, ArrayDeque<T>>> bySource = new HashMap<>();
    private final ArrayDeque<String> turn = new ArrayDeque<>(); // sources with work, in serving order
    private int size;

    FairQueue(int perUser, int perSource, int total) {
        this.perUser = perUser;
        this.perSource = perSource;
        this.total = total;
    }

    boolean offer(String source, String user, T work) {
        if (size >= total) {
            return false;
        }
        LinkedHashMap<String, ArrayDeque<T>> users = bySource.get(source);
        if (users != null && users.values().stream().mapToInt(ArrayDeque::size).sum() >= perSource) {
            return false;
        }
        if (users == null) {
            users = new LinkedHashMap<>();
            bySource.put(source, users);
            turn.addLast(source);
        }
        ArrayDeque<T> q = users.computeIfAbsent(user, u -> new ArrayDeque<>());
        if (q.size() >= perUser) {
            return false;
        }
        q.addLast(work);
        size++;
        return true;
    }

    /** The next work in fair order, or null when none waits. */
    T poll() {
        String source = turn.pollFirst();
        if (source == null) {
            return null;
        }
        LinkedHashMap<String, ArrayDeque<T>> users = bySource.get(source);
        Map.Entry<String, ArrayDeque<T>> first = users.entrySet().iterator().next();
        String user = first.getKey();
        ArrayDeque<T> q = users.remove(user);
        T work = q.pollFirst();
        size--;
        if (!q.isEmpty()) {
            users.put(user, q); // to the back of this address's users
        }
        if (users.isEmpty()) {
            bySource.remove(source);
        } else {
            turn.addLast(source); // to the back of the addresses
        }
        return work;
    }

    int size() {
        return size;
    }
}
