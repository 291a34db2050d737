package io.paretone.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import io.paretone.spaces.Domain;
import io.paretone.spaces.families.ModelFamilies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code paretone doctor} on this CPU machine, through the command line. */
class DoctorCommandTest {
    @Test
    void doctorNamesTheVersionsDjlReportsAndTheRouteToAGpu() {
        CliRun run = CliRun.of("doctor", "--device", "cpu");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(
                lines.contains(String.format(
                        "%-12s %s (%s) in %s",
                        "Java",
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("java.home"))),
                run.out());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("DJL          " + Engine.getDjlVersion() + ",")), run.out());
        Engine pytorch = Engine.getEngine("PyTorch");
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith(
                                "PyTorch      PyTorch engine, PyTorch " + pytorch.getVersion() + " (cpu) in ")),
                run.out());
        assertTrue(lines.contains("Route        the CPU build of PyTorch 2.7.1 bundled with paretone"), run.out());
        int route = lines.indexOf("Route        the CPU build of PyTorch 2.7.1 bundled with paretone");
        assertTrue(
                lines.get(route + 1).contains("--allow-download")
                        && lines.get(route + 1).contains("PYTORCH_LIBRARY_PATH"),
                "the routes to a GPU follow: " + run.out());
        assertTrue(lines.contains("Device       cpu is cpu()"), run.out());
        assertTrue(lines.contains("GPUs (DJL)   " + pytorch.getGpuCount()), run.out());
        for (String topic : List.of("NVML", "RAPL", "Meter", "Fonts", "Chromium")) {
            assertEquals(
                    1, lines.stream().filter(l -> l.startsWith(topic + " ")).count(), topic + " in " + run.out());
        }
    }

    @Test
    void smokeRunTrainsEveryFamilyOfBothDomainsOnTheCpu() {
        CliRun run = CliRun.of("doctor", "--smoke", "--device", "cpu");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        List<String> lines = run.out().lines().toList();
        List<String> smoke = lines.subList(
                lines.indexOf(lines.stream()
                                .filter(l -> l.startsWith("Smoke run on cpu()"))
                                .findFirst()
                                .orElseThrow())
                        + 1,
                lines.size());
        List<String> families = new ArrayList<>(ModelFamilies.names(Domain.AUDIO));
        families.addAll(ModelFamilies.names(Domain.IMAGE));
        assertEquals(families.size(), smoke.size(), run.out());
        for (int i = 0; i < families.size(); i++) {
            String line = smoke.get(i);
            assertTrue(line.startsWith(String.format("%-10s ok ", families.get(i))), line);
            assertTrue(line.contains("10 steps on cpu()"), "the smallest genome trains 10 steps: " + line);
            assertTrue(line.matches(".* training [0-9.e+-]+ J \\([a-z+-]+, (estimated|measured)\\)"), line);
        }
    }

    @Test
    void smokeRunOnAGpuThatDjlDoesNotSeeIsOneLine() {
        CliRun run = CliRun.of("doctor", "--smoke", "--device", "gpu", "--domain", "audio");
        assertEquals(2, run.exitCode(), run.err() + run.out());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("paretone: device = gpu: DJL sees no GPU"), err);
        assertTrue(err.contains("--allow-download") && err.contains("PYTORCH_LIBRARY_PATH"), err);
        assertFalse(run.out().contains("Smoke run on"), run.out());
    }
}
