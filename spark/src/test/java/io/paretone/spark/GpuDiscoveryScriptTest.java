package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/spark-gpu-discovery}, the script a standalone Spark worker runs to find its GPUs,
 * against a stand-in {@code nvidia-smi} first on PATH: its output must be what Spark's own parser
 * reads as the GPU resource, and an address Spark hands a task must become the worker's device.
 * (A {@code local[N]} master does not schedule tasks that ask for GPUs, so the task side is pinned
 * by {@link TaskWorkersTest}; a real cluster run is in docs/spark.md.)
 */
class GpuDiscoveryScriptTest {
    private static final Path SCRIPT =
            Path.of("..", "scripts", "spark-gpu-discovery").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {}

    /** Runs the script with a fake nvidia-smi (a shell script body) first on PATH. */
    private Run run(String fakeNvidiaSmi, Map<String, String> env) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path smi = Files.writeString(bin.resolve("nvidia-smi"), "#!/bin/sh\n" + fakeNvidiaSmi + "\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString()));
        pb.environment().remove("CUDA_VISIBLE_DEVICES");
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Run(code, out, Files.readString(dir.resolve("stderr")));
    }

    @Test
    void twoGpusBecomeTheResourceSparkParsesAndEachAddressAWorkerDevice() throws Exception {
        // nvidia-smi --query-gpu=index --format=csv,noheader prints one index a line.
        Run r = run("printf '0\\n 1\\n'", Map.of());
        assertEquals(0, r.exitCode(), r.stderr());

        ResourceInformation gpus = ResourceInformation.parseJson(r.stdout().trim());
        assertEquals("gpu", gpus.name());
        assertArrayEquals(new String[] {"0", "1"}, gpus.addresses());
        // Spark gives each task one of them (spark.task.resource.gpu.amount=1).
        assertEquals("gpu:1", TaskWorkers.device(Map.of("gpu", new ResourceInformation("gpu", new String[] {"1"}))));
    }

    @Test
    void withCudaVisibleDevicesTheAddressesAreCudasNumbering() throws Exception {
        // CUDA_VISIBLE_DEVICES=2,3: CUDA, and so gpu:N in the worker, numbers them 0 and 1.
        Run r = run("printf '0\\n1\\n2\\n3\\n'", Map.of("CUDA_VISIBLE_DEVICES", "2,3"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(
                new String[] {"0", "1"},
                ResourceInformation.parseJson(r.stdout().trim()).addresses());
    }

    @Test
    void aFailingNvidiaSmiIsAnErrorWithItsMessageNotAnEmptyResource() throws Exception {
        Run r = run("echo 'No devices were found'; exit 6", Map.of());
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("nvidia-smi failed: No devices were found"), r.stderr());
    }
}
