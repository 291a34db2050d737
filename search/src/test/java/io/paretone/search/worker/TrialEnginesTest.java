package io.paretone.search.worker;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.energy.CarbonAccounting;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.spaces.check.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialEnginesTest {
    private static EngineRequest request(String engine) {
        WorkerSetup setup = new WorkerSetup(
                "w0",
                List.of("wavenet"),
                "cpu",
                "data.bin",
                "hash",
                QualityProxies.JUDGE,
                2,
                1600,
                1,
                WorkerSetup.Energy.of(EnergySettings.defaults(), CarbonAccounting.worldAverage()),
                "cache",
                null,
                false);
        return new EngineRequest(
                new EngineChoice(engine, null),
                "s",
                WorkerLaunch.ofThisJvm(WorkerMain.class.getName(), 0),
                setup,
                List.of("cpu"),
                60,
                false);
    }

    @Test
    void theLocalEngineIsTheWorkerPool() {
        try (TrialEngine engine = TrialEngines.create(request("local"))) {
            assertInstanceOf(WorkerPool.class, engine);
        }
    }

    @Test
    void sparkWithoutTheSparkModuleSaysHowToBuildIt() {
        // This module's class path has no Spark engine, as the default build's has none.
        var e = assertThrows(InvalidValueException.class, () -> TrialEngines.create(request("spark")));
        assertTrue(e.getMessage().contains("-Pspark") && e.getMessage().contains("paretone-spark.jar"), e.getMessage());
    }

    @Test
    void anUnknownEngineListsTheKnownOnes() {
        var e = assertThrows(InvalidValueException.class, () -> TrialEngines.create(request("dask")));
        assertTrue(e.getMessage().contains("local"), e.getMessage());
    }
}
