package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;

/** The operating mode of a point's plant or unit at a time (running, start-up, shut-down, turnaround, ...). */
@FunctionalInterface
public interface ModeLookup {

    String SHUT_DOWN = "shut-down";
    String RUNNING = "running";

    String modeOf(Point p, long at);
}
