package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Rule;
import java.time.Duration;

/**
 * A rule that judges a window of a point's recent trusted readings (a line fitted through them): the point's
 * shared {@link PointHistory} is kept for it, over the longest window any such rule of the point names.
 * A point none of whose rules is windowed keeps no history and costs no look-up for one.
 */
public interface WindowedRule extends Rule {

    /** How far back the rule looks. */
    Duration window();
}
