package io.parkwatch.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void valuesAreWrittenWithTwoDecimalsAsFormatWroteThem() {
        assertThat(twoDecimals(60)).isEqualTo("60.00");
        assertThat(twoDecimals(10.5)).isEqualTo("10.50");
        assertThat(twoDecimals(9.999)).isEqualTo("10.00");
        assertThat(twoDecimals(0.07)).isEqualTo("0.07");
        assertThat(twoDecimals(-1.25)).isEqualTo("-1.25");
        assertThat(twoDecimals(-0.001)).isEqualTo("0.00");
        // the generator's own values (10 + a standard normal): none ends in a half at the third decimal, where the two may
        // round apart (1.005 is 1.00499... as a double)
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double v = 10 + random.nextGaussian();
            assertThat(twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
    }

    private static String twoDecimals(double v) {
        return LoadGenerator.appendTwoDecimals(new StringBuilder(), v).toString();
    }
}
