package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpacesCommandTest {
    @Test
    void listsEveryFamilyWithItsGenesAndConditions() {
        CliRun run = CliRun.of("spaces", "--no-published");
        assertEquals(0, run.exitCode(), run.err());
        for (String family :
                new String[] {"wavenet:", "samplernn:", "wavegan:", "vae:", "dcgan:", "convvae:", "pixelcnn:"}) {
            assertTrue(run.out().contains(family), family + " in " + run.out());
        }
        assertTrue(run.out().contains("training_steps"), run.out());
        assertTrue(
                run.out().contains("One audio search space over 7 families")
                        && run.out().contains("One image search space over 3 families"),
                run.out());
        assertTrue(run.out().contains("(only when frame_tiers=2)"), run.out());
        assertTrue(run.out().contains("[wgan_gp, hinge]"), run.out());
    }

    @Test
    void printsOurCountBesideThePublishedOne() {
        CliRun run = CliRun.of("spaces", "--families", "wavegan");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*wavegan\\s+36\\.5M\\s+89\\.0M\\s+0\\.41.*"), run.out());
        assertTrue(!run.out().contains("samplernn:"), run.out());
    }

    @Test
    void unknownFamilyIsAUsageError() {
        CliRun run = CliRun.of("spaces", "--families", "transformer");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("transformer") && run.err().contains("known families"), run.err());
    }
}
