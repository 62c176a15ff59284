package io.parkwatch.simulator;

import java.util.List;

/**
 * A value over time, piecewise linear between (second, value) knots; before the first knot and after
 * the last one it holds the end values. Scripted incidents are written this way.
 */
public record Profile(List<double[]> knots) {

    public static Profile of(double... secondValuePairs) {
        if (secondValuePairs.length < 2 || secondValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("give (second, value) pairs");
        }
        List<double[]> k = new java.util.ArrayList<>();
        for (int i = 0; i < secondValuePairs.length; i += 2) {
            k.add(new double[] {secondValuePairs[i], secondValuePairs[i + 1]});
        }
        return new Profile(List.copyOf(k));
    }

    public double at(double second) {
        double[] first = knots.get(0);
        if (second <= first[0]) {
            return first[1];
        }
        for (int i = 1; i < knots.size(); i++) {
            double[] a = knots.get(i - 1);
            double[] b = knots.get(i);
            if (second <= b[0]) {
                return a[1] + (b[1] - a[1]) * (second - a[0]) / (b[0] - a[0]);
            }
        }
        return knots.get(knots.size() - 1)[1];
    }

    public double endSecond() {
        return knots.get(knots.size() - 1)[0];
    }
}
