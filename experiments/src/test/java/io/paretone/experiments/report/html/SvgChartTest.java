package io.paretone.experiments.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    @Test
    void linearAxisGetsOneTwoFiveSteps() {
        // 0..1 with 5% room each side: steps of 0.2 inside [-0.05, 1.05]
        List<Double> ticks =
                SvgChart.Scale.of(new double[] {0, 1}, false, 0, 100).ticks();
        assertEquals(6, ticks.size(), ticks.toString());
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(0.2 * i, ticks.get(i), 1e-9);
        }
    }

    @Test
    void logAxisGetsDecadesAndMapsThemEvenly() {
        SvgChart.Scale s = SvgChart.Scale.of(new double[] {1e-3, 1e4}, true, 0, 700);
        assertEquals(List.of(1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1000.0, 1e4), s.ticks());
        double decade = s.pixel(1e-2) - s.pixel(1e-3);
        assertEquals(decade, s.pixel(1e4) - s.pixel(1e3), 1e-9, "equal width per decade");
    }

    @Test
    void logIsDroppedWhenAValueIsNotPositive() {
        assertFalse(SvgChart.Scale.of(new double[] {0, 10}, true, 0, 100).log);
        assertTrue(SvgChart.Scale.of(new double[] {1, 10}, true, 0, 100).log);
    }

    @Test
    void tickLabelsAreCompact() {
        assertEquals("0.25", SvgChart.tick(0.25));
        assertEquals("12", SvgChart.tick(12));
        assertEquals("4.20k", SvgChart.tick(4200));
        assertEquals("1e-05", SvgChart.tick(1e-5));
    }
}
