package io.parkwatch.console.map;

import io.parkwatch.console.auth.ConsoleUser;
import java.util.List;

/**
 * The park on one plan (一张图): its outline, each enterprise's area with its tanks and units, and where each
 * detector stands, in the plan's own units (metres, say) with x to the right and y down, as SVG draws them.
 *
 * @param width      the plan's width
 * @param height     the plan's height
 * @param outline    the park boundary, a polygon
 * @param background the image to lay under the plan: its file name as read, a data URL once loaded; or null
 * @param areas      the enterprises
 */
public record SitePlan(double width, double height, List<double[]> outline, String background, List<Area> areas) {

    /** No plan configured: the map view says so. */
    public static final SitePlan NONE = new SitePlan(0, 0, List.of(), null, List.of());

    /** An enterprise on the plan. */
    public record Area(String enterprise, List<double[]> outline, List<Unit> units, List<Marker> points) {
    }

    /** A tank or process unit: a circle ({@code r}) or a rectangle ({@code w} by {@code h}) centred on x, y. */
    public record Unit(String id, String shape, double x, double y, double r, double w, double h) {
    }

    /** A detector or instrument at a place. */
    public record Marker(String point, double x, double y) {
    }

    public boolean isEmpty() {
        return areas.isEmpty();
    }

    /** What a person may see: a park officer the whole park; an operator the park outline and their own plant. */
    public SitePlan visibleTo(ConsoleUser u) {
        return new SitePlan(width, height, outline, background,
                areas.stream().filter(a -> u.sees(a.enterprise())).toList());
    }
}
