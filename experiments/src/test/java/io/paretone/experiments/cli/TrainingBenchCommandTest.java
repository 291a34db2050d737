package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingBenchCommandTest {
    @Test
    void aMissingTorchRefIsAUsageErrorThatSaysWhereItIs() {
        CliRun run = CliRun.of("bench", "training", "--torch-ref", "no/such/torch_ref.py");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("no/such/torch_ref.py") && run.err().contains(".gpu/torch_ref.py"), run.err());
    }

    @Test
    void aFamilyOutsideTheSweepIsAUsageError() {
        CliRun run = CliRun.of("bench", "training", "--families", "wavegan");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("wavenet and vae"), run.err());
    }
}
