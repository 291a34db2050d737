package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.evaluators.quality.QualityScore;
import io.paretone.evaluators.quality.QualityTerm;
import io.paretone.search.trial.EnergyPart;
import io.paretone.search.trial.Provenance;
import io.paretone.search.trial.SearchJson;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialMetrics;
import io.paretone.search.trial.TrialOutcome;
import io.paretone.search.trial.TrialStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {
    private static final TrialMetrics METRICS = new TrialMetrics(
            3660,
            113_000_000L,
            0.25,
            new QualityScore(
                    0.25,
                    0.26,
                    0.26,
                    0.03,
                    List.of(
                            new QualityTerm("embedding_frechet", 12.5, 2.0, 0.5, 40.0, 0.72, 0.72, true),
                            new QualityTerm("class_score", 0.1, 0.9, 0.4, 0.05, 0, 0, false)),
                    16,
                    1,
                    0.3,
                    0.4),
            52.1,
            6.3e-6,
            6.1e-6,
            4.2,
            1.1,
            9.5,
            40,
            5.54,
            5.21,
            "cpu-time",
            true,
            "4.2 s process CPU time x 10.0 W per core",
            14640,
            2_000_000,
            960_000_000L,
            14_500.5,
            1.1,
            5.5,
            10.45,
            1.27e-6,
            "Intel Xeon, 2 CPUs",
            List.of(new EnergyPart("nvml", 50.0, false), new EnergyPart("ram", 2.1, true)));

    @Test
    void aFinishedTrialCrossesWithEveryField() throws Exception {
        Map<String, Double> objectives = new LinkedHashMap<>();
        objectives.put("co2e", 6.3e-6);
        objectives.put("one_minus_pmos", 0.75);
        var sent = new FromWorker.Finished(
                12,
                new TrialOutcome(
                        TrialStatus.PRUNED,
                        "dominated",
                        objectives,
                        METRICS,
                        new Provenance(99, "cpu()", "notes", "abc", "dev", "0.36.0", "17", "Linux amd64", "node-1"),
                        new Trial.Pruning(20, 40, 50.0),
                        61.5),
                300.25);
        String line = WorkerProtocol.fromWorker(sent);
        assertTrue(line.startsWith(WorkerProtocol.PREFIX), line);
        assertTrue(line.contains("\"type\":\"finished\"") && line.contains("\"training_joules\":52.1"), line);
        FromWorker back = WorkerProtocol.readFromWorker(line).orElseThrow();
        assertEquals(sent, back);
        assertEquals(METRICS, ((FromWorker.Finished) back).result().metrics());
    }

    /** The scheduler leaves out the set-up parts a shared device's own meter counts, so each part must cross. */
    @Test
    void aReadyWorkersSetUpCrossesByPart() throws Exception {
        var sent = new FromWorker.Ready(
                4242,
                "gpu(0)",
                "cpu-time+nvml+ram",
                "energy meter ...",
                "judge",
                "a judge",
                new double[] {0.5, 0.25},
                List.of(
                        new EnergyPart("cpu-time", 40.0, true),
                        new EnergyPart("nvml", 3000.0, false),
                        new EnergyPart("ram", 5.0, true)));
        var back = (FromWorker.Ready)
                WorkerProtocol.readFromWorker(WorkerProtocol.fromWorker(sent)).orElseThrow();
        assertEquals(sent.setup(), back.setup());
        assertEquals(40 + 3000 + 5, back.setupJoules(), 1e-12);
    }

    @Test
    void requestsCrossToTheWorker() throws Exception {
        var evaluate = new ToWorker.Evaluate(3, "layers=2 kernel_size=2", 12345, 1000, 2.5e8, new double[] {0.25, 0.5});
        ToWorker back = WorkerProtocol.readToWorker(WorkerProtocol.toWorker(evaluate));
        ToWorker.Evaluate e = assertInstanceOf(ToWorker.Evaluate.class, back);
        assertEquals("layers=2 kernel_size=2", e.genome());
        assertEquals(1000, e.maxParameters());
        assertArrayEquals(new double[] {0.25, 0.5}, e.checkpoints());
        assertInstanceOf(
                ToWorker.Shutdown.class, WorkerProtocol.readToWorker(WorkerProtocol.toWorker(new ToWorker.Shutdown())));
        assertEquals(
                new ToWorker.Verdict(3, false),
                WorkerProtocol.readToWorker(WorkerProtocol.toWorker(new ToWorker.Verdict(3, false))));
    }

    @Test
    void otherOutputOnTheWorkersStdoutIsNotAMessage() throws Exception {
        assertTrue(WorkerProtocol.readFromWorker("[W ProcessGroup] some native warning")
                .isEmpty());
        assertTrue(WorkerProtocol.readFromWorker("{\"type\":\"finished\"}").isEmpty(), "unprefixed JSON is not ours");
    }

    @Test
    void aNewerWorkersExtraFieldIsIgnored() throws Exception {
        String line = WorkerProtocol.PREFIX
                + "{\"type\":\"step\",\"trial\":1,\"step\":2,\"steps\":3,\"loss\":4.5,\"extra\":7}";
        assertEquals(
                new FromWorker.Step(1, 2, 3, 4.5),
                WorkerProtocol.readFromWorker(line).orElseThrow());
    }

    /** Each part keeps its own label; metrics stored before parts were kept read with none. */
    @Test
    void energyPartsCrossWithTheirLabelsAndOldMetricsReadWithNone() throws Exception {
        TrialMetrics back = SearchJson.read(SearchJson.write(METRICS), TrialMetrics.class);
        assertEquals(
                List.of(false, true),
                back.energyParts().stream().map(EnergyPart::estimated).toList());
        ObjectNode old = SearchJson.MAPPER.valueToTree(METRICS);
        old.remove("energy_parts");
        assertEquals(
                List.of(), SearchJson.read(old.toString(), TrialMetrics.class).energyParts());
    }
}
