package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassTypicalityTest {
    // Reference: class 0 at (0, 0) and (2, 0), centroid (1, 0); class 1 at (10, 10), its own centroid.
    private static final double[][] REFERENCE = {{0, 0}, {2, 0}, {10, 10}};
    private static final double[][] REFERENCE_P = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}};
    private static final ClassTypicality TYPICALITY = new ClassTypicality(REFERENCE, REFERENCE_P);

    @Test
    void theValueIsTheMedianSquaredDistanceToTheCentroidOfEachImagesOwnClass() {
        // (1, 3) called class 0: 0 + 9 = 9; (10, 12) called class 1: 0 + 4 = 4; (4, 4) called 0: 9 + 16 = 25.
        double[][] images = {{1, 3}, {10, 12}, {4, 4}};
        double[][] p = {{0.6, 0.4}, {0.1, 0.9}, {0.7, 0.3}};
        assertEquals(9, TYPICALITY.of(images, p), 1e-12);
        // Even count: the mean of the middle two, (4 + 9) / 2.
        assertEquals(
                6.5, TYPICALITY.of(new double[][] {{1, 3}, {10, 12}}, new double[][] {{0.6, 0.4}, {0.1, 0.9}}), 1e-12);
    }

    @Test
    void anImageOfTheRightShapeCalledTheWrongClassLiesFarFromItsClass() {
        // (10, 10) is exactly class 1's centroid, but called class 0: (10 - 1)^2 + 10^2 = 181.
        assertEquals(181, TYPICALITY.of(new double[][] {{10, 10}}, new double[][] {{0.6, 0.4}}), 1e-12);
    }

    @Test
    void aClassNoReferenceImageGetsIsMeasuredFromTheOverallCentroid() {
        // Three classes, none of the reference called class 2: overall centroid (4, 10/3).
        ClassTypicality t =
                new ClassTypicality(REFERENCE, new double[][] {{0.9, 0.1, 0}, {0.8, 0.2, 0}, {0.3, 0.7, 0}});
        assertEquals(16 + 100.0 / 9, t.of(new double[][] {{0, 0}}, new double[][] {{0, 0, 1}}), 1e-12);
    }
}
