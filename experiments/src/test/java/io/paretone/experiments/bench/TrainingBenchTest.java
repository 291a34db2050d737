package io.paretone.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.families.ModelFamilies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingBenchTest {
    /** Counts published in torch_ref.py's docstring, by the genome as its sweep table names it. */
    private static final Map<String, Long> TORCH_REF_COUNTS = Map.of(
            "wavenet L=4 cyc=4 R=16 S=32 k=2", 21_088L,
            "wavenet L=30 cyc=10 R=64 S=256 k=2", 1_267_328L,
            "vae L=8 C=256 k=15 Z=64 logm", 14_806_913L);

    @Test
    void everySweepGenomeAtFullSizeHasTheCountOfTorchRefsFormula() {
        int published = 0;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (TrainingBench.SweepGenome g : TrainingBench.SWEEP) {
                Architecture arch = ModelFamilies.byName(g.family()).decode(g.genome(false, g.batch()));
                Block block = arch.newBlock();
                block.initialize(manager, DataType.FLOAT32, arch.inputShapes(1));
                long count = ParameterCounter.trainable(block);
                assertEquals(TrainingBench.expectedParameters(arch), count, arch.describe());
                Long publishedCount = TORCH_REF_COUNTS.get(TrainingBench.describe(arch));
                if (publishedCount != null) {
                    assertEquals(publishedCount, count, arch.describe());
                    published++;
                }
            }
        }
        assertEquals(10, TrainingBench.SWEEP.size(), "torch_ref.py's sweep has 6 WaveNets and 4 VAEs");
        assertEquals(4, published, "genomes with a count published by torch_ref.py (the L30 WaveNet twice)");
    }

    @Test
    void tinyBenchTimesEveryGenomeWithPositiveFiniteMsPerStep() {
        var settings = new TrainingBench.Settings(
                Device.cpu(), 2, 1, 1, true, null, "python3", List.of(), "", 3, 1, List.of(), null);
        StringWriter text = new StringWriter();
        List<TrainingBench.Row> rows = TrainingBench.run(settings, new PrintWriter(text, true));

        assertEquals(TrainingBench.SWEEP.size(), rows.size(), text.toString());
        for (TrainingBench.Row r : rows) {
            assertTrue(Double.isFinite(r.paretoneMs()) && r.paretoneMs() > 0, r.toString());
            assertEquals(r.expectedParameters(), r.parameters(), r.genome());
            assertTrue(Double.isNaN(r.torchMs()), "no torch_ref given, no torch column: " + r);
            assertTrue(text.toString().contains(TrainingBench.format(r)), text.toString());
        }
    }

    @Test
    void torchRefIsAskedForTheSameModelBatchStepsAndTheExtraArguments() {
        var g = TrainingBench.SWEEP.get(2);
        var arch = ModelFamilies.byName(g.family()).decode(g.genome(false, g.batch()));
        var settings = new TrainingBench.Settings(
                Device.cpu(),
                7,
                3,
                0,
                false,
                java.nio.file.Path.of("torch_ref.py"),
                "python3",
                List.of(),
                "",
                5,
                1,
                List.of("--cudnn-benchmark"),
                null);
        assertEquals(
                "python3 torch_ref.py --family wavenet --layers 12 --dilation-cycle 6 --residual 32 --skip 128"
                        + " --kernel 3 --batch 32 --lr 1e-3 --steps 7 --warmup 3 --seed 5 --device cpu"
                        + " --cudnn-benchmark",
                String.join(" ", TrainingBench.torchCommand(arch, 32, settings)));
    }

    @Test
    void onlyRunsTheRowsThatContainItsText() {
        var settings = new TrainingBench.Settings(
                Device.cpu(), 1, 1, 1, true, null, "python3", List.of(), "k=3 batch=1", 3, 1, List.of(), null);
        List<TrainingBench.Row> rows = TrainingBench.run(settings, new PrintWriter(new StringWriter()));
        assertEquals(
                List.of("wavenet L=12 cyc=6 R=4 S=8 k=3"),
                rows.stream().map(TrainingBench.Row::genome).toList());
    }

    @Test
    void eachColumnIsTheMedianOfItsRounds(@TempDir Path dir) throws Exception {
        // A stand-in for python3 + torch_ref.py: answers the torch probe, then prints the ms of its
        // n-th run from a list, and logs each run beside paretone's rounds (read from the same log).
        Path log = dir.resolve("runs.log");
        Path python = dir.resolve("python");
        Files.writeString(
                python,
                String.join(
                        "\n",
                        "#!/bin/sh",
                        "if [ \"$1\" = \"-c\" ]; then echo 'torch 0.0'; exit 0; fi",
                        "n=$(cat " + log + " 2>/dev/null | wc -l)",
                        "echo torch >> " + log,
                        "set -- 9.0 3.0 5.0",
                        "shift $n",
                        "echo 'trainable parameters: torch 42'",
                        "echo \"10 warm-up steps, 2 timed steps: $1 ms/step\"",
                        ""));
        assertTrue(python.toFile().setExecutable(true));
        Path torchRef = Files.writeString(dir.resolve("torch_ref.py"), "# not read by the stand-in\n");
        var settings = new TrainingBench.Settings(
                Device.cpu(),
                1,
                1,
                1,
                true,
                torchRef,
                python.toString(),
                List.of(),
                "k=3 batch=1",
                3,
                3,
                List.of(),
                null);

        StringWriter text = new StringWriter();
        List<TrainingBench.Row> rows = TrainingBench.run(settings, new PrintWriter(text, true));

        TrainingBench.Row row = rows.get(0);
        assertEquals(List.of(9.0, 3.0, 5.0), row.torchRounds(), text.toString());
        assertEquals(5.0, row.torchMs(), "median of 9, 3 and 5");
        assertEquals(3, row.paretoneRounds().size(), text.toString());
        assertEquals(TrainingBench.median(row.paretoneRounds()), row.paretoneMs());
        assertEquals(row.torchMs() / row.paretoneMs(), row.throughput());
        assertTrue(text.toString().contains("rounds: paretone "), text.toString());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, TrainingBench.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(7.0, TrainingBench.median(List.of(7.0)));
        assertTrue(Double.isNaN(TrainingBench.median(List.of())));
    }
}
