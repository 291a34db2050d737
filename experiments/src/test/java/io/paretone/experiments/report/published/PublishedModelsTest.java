package io.paretone.experiments.report.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.energy.CarbonAccounting;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped table against the figures collected by Douwes and Esling (2021) and the source papers. */
class PublishedModelsTest {
    private static final CarbonAccounting ALPHA = CarbonAccounting.worldAverage();
    private final PublishedModels table = PublishedModels.load();

    private PublishedModel model(String name) {
        return table.models().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void trainingResourcesAreTheCollectedFigures() {
        // hardware, GPU count, p_max per GPU (kW), hours, parameters, as in the collection's table
        record Row(String name, String hardware, int gpus, double pMax, double hours, long params) {}
        for (Row r : List.of(
                new Row("SampleRNN", "GTX TITAN X", 1, 0.25, 168, 52_000_000),
                new Row("SING", "P100", 4, 0.25, 52, 64_000_000),
                new Row("WaveGAN", "P100", 1, 0.25, 96, 89_000_000),
                new Row("GANSynth", "V100", 1, 0.3, 108, 15_000_000),
                new Row(
                        "FloWaveNet",
                        "V100",
                        1,
                        0.3,
                        272,
                        182_640_000))) { // the paper's count; the collection rounds it
            PublishedModel m = model(r.name());
            assertEquals(r.hardware(), m.hardware(), r.name());
            assertEquals(r.gpus(), m.gpus(), r.name());
            assertEquals(r.pMax(), m.pMaxKwPerGpu(), 1e-12, r.name());
            assertEquals(r.hours(), m.trainingHours(), 1e-12, r.name());
            assertEquals(r.params(), m.parameters(), r.name());
        }
        assertEquals(1.0, model("SING").gpus() * model("SING").pMaxKwPerGpu(), 1e-12, "the collection's 1.0 kW total");
    }

    @Test
    void co2eIsAlphaTimesDevicesTimesPmaxTimesHours() {
        // 0.437 x n x p_max x t, worked by hand
        assertEquals(18.354, model("SampleRNN").kgCo2e(ALPHA).getAsDouble(), 1e-9); // 0.437 x 1 x 0.25 x 168
        assertEquals(22.724, model("SING").kgCo2e(ALPHA).getAsDouble(), 1e-9); // 0.437 x 4 x 0.25 x 52
        assertEquals(10.488, model("WaveGAN").kgCo2e(ALPHA).getAsDouble(), 1e-9); // 0.437 x 1 x 0.25 x 96
        assertEquals(14.1588, model("GANSynth").kgCo2e(ALPHA).getAsDouble(), 1e-9); // 0.437 x 1 x 0.3 x 108
        assertEquals(35.6592, model("FloWaveNet").kgCo2e(ALPHA).getAsDouble(), 1e-9); // 0.437 x 1 x 0.3 x 272
        assertTrue(model("WaveNet (SING's baseline)").kgCo2e(ALPHA).isEmpty(), "no resources reported");
    }

    @Test
    void oneMinusPercentMosIsRelativeToTheGroundTruthOfTheSameTest() {
        assertEquals(1 - 3.55 / 3.86, model("SING").oneMinusPercentMos().getAsDouble(), 1e-12);
        assertEquals(1 - 2.3 / 3.9, model("WaveGAN").oneMinusPercentMos().getAsDouble(), 1e-12);
        assertEquals(1 - 3.95 / 4.67, model("FloWaveNet").oneMinusPercentMos().getAsDouble(), 1e-12);
        assertEquals(
                1 - 2.85 / 3.86,
                model("WaveNet (SING's baseline)").oneMinusPercentMos().getAsDouble(),
                1e-12);
        assertEquals(
                1 - 4.30 / 4.67,
                model("WaveNet, MoL (FloWaveNet's baseline)")
                        .oneMinusPercentMos()
                        .getAsDouble(),
                1e-12);
        assertEquals(
                1 - 4.46 / 4.67,
                model("WaveNet, Gaussian (FloWaveNet's baseline)")
                        .oneMinusPercentMos()
                        .getAsDouble(),
                1e-12);
        assertEquals(
                1 - 3.75 / 4.67,
                model("Gaussian IAF (FloWaveNet's baseline)")
                        .oneMinusPercentMos()
                        .getAsDouble(),
                1e-12);
        assertTrue(model("SampleRNN").oneMinusPercentMos().isEmpty());
        assertTrue(model("GANSynth").oneMinusPercentMos().isEmpty());
    }

    @Test
    void mosIntervalsAreTheReportedOnes() {
        assertEquals(0.23, model("SING").mosCi(), 1e-12);
        assertEquals(0.24, model("SING").groundTruthCi(), 1e-12);
        assertEquals(0.9, model("WaveGAN").mosCi(), 1e-12);
        assertEquals(0.9, model("WaveGAN").groundTruthCi(), 1e-12);
        assertEquals(0.15, model("FloWaveNet").mosCi(), 1e-12);
        assertEquals(0.08, model("FloWaveNet").groundTruthCi(), 1e-12);
    }

    @Test
    void singKeepsItsPapersMosAndNamesTheCollectionsFigure() {
        PublishedModel sing = model("SING");
        assertEquals(3.55, sing.mos(), 1e-12);
        assertTrue(sing.collectionDiffers().contains("2.8 +- 0.24"), sing.collectionDiffers());
        assertTrue(sing.collectionDiffers().contains("1.0 kW"), sing.collectionDiffers());
    }

    @Test
    void paretoFrontsOfThePublishedModels() {
        // With both figures: SING (22.7 kg, 0.080, 64M), WaveGAN (10.5 kg, 0.410, 89M), FloWaveNet (35.7 kg, 0.154,
        // 183M).
        // SING dominates FloWaveNet on both pairs; WaveGAN is cheapest in CO2e but neither smaller nor better than
        // SING.
        assertEquals(Set.of("SING", "WaveGAN"), names(table.co2eFront(ALPHA)));
        assertEquals(Set.of("SING"), names(table.parameterFront()));
    }

    @Test
    void everyRowCitesItsSources() {
        assertTrue(table.collection().contains("Douwes") && table.collection().contains("2021"), table.collection());
        for (PublishedModel m : table.models()) {
            assertNotNull(m.source(), m.name());
            assertTrue(m.source().matches(".*(19|20)\\d\\d.*"), "a year in the citation of " + m.name());
            assertEquals(
                    m.hardware() != null, m.resourcesSource() != null, "resources cite the collection: " + m.name());
            assertEquals(m.mos() != null, m.mosSource() != null, "MOS cites its listening test: " + m.name());
            assertFalse(m.source().isBlank());
        }
    }

    private static Set<String> names(List<PublishedModel> models) {
        return models.stream().map(PublishedModel::name).collect(Collectors.toSet());
    }
}
