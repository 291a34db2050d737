package io.paretone.spaces.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which PyTorch DJL loads, decided as DJL 0.36's LibUtils looks for it. */
class NativeRouteTest {
    @Test
    void ownPytorchWinsWheneverItsPathIsSet() {
        assertEquals(NativeRoute.OWN_PYTORCH, NativeRoute.choose(true, true, "/opt/torch/lib"));
        assertEquals(NativeRoute.OWN_PYTORCH, NativeRoute.choose(false, false, "/opt/torch/lib"));
    }

    @Test
    void downloadOnlyWhenAllowedAndAGpuIsAskedFor() {
        assertEquals(NativeRoute.DJL_DOWNLOAD, NativeRoute.choose(true, true, null));
        assertEquals(NativeRoute.BUNDLED_CPU, NativeRoute.choose(true, false, null));
        assertEquals(NativeRoute.BUNDLED_CPU, NativeRoute.choose(false, true, ""));
    }

    @Test
    void flavourIsReadFromDjlsCacheFolderNames(@TempDir Path dir) {
        assertEquals(
                "cpu",
                NativeLibrary.flavourOf(
                        Path.of("/c/pytorch/2.7.1-20250812-cpu-linux-x86_64"), NativeRoute.BUNDLED_CPU, null));
        assertEquals(
                "cu128",
                NativeLibrary.flavourOf(
                        Path.of("/c/pytorch/2.7.1-cu128-linux-x86_64"), NativeRoute.DJL_DOWNLOAD, null));
        assertEquals(
                "cpu",
                NativeLibrary.flavourOf(
                        Path.of("/c/pytorch/2.7.1-cpu-precxx11-linux-aarch64"), NativeRoute.BUNDLED_CPU, null));
        assertEquals("cu130", NativeLibrary.flavourOf(dir, NativeRoute.OWN_PYTORCH, "cu130"));
        assertEquals("cpu", NativeLibrary.flavourOf(dir, NativeRoute.OWN_PYTORCH, null), "no libtorch_cuda there");
    }

    /**
     * In a JVM of its own, with a DJL cache whose index of PyTorch 2.7.1 builds is empty (so DJL
     * needs no network, and any HTTPS request would fail at once): asked for a GPU with downloads
     * allowed, DJL must look for a CUDA download rather than take the bundled CPU jar, which is
     * on the class path.
     */
    @Test
    void downloadRouteHidesTheBundledCpuBuild(@TempDir Path cache) throws Exception {
        Files.createDirectories(cache.resolve("pytorch"));
        Files.writeString(cache.resolve("pytorch/" + NativeRoute.PINNED_PYTORCH + ".txt"), "");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=9",
                "-Dhttp.proxyHost=127.0.0.1",
                "-Dhttp.proxyPort=9",
                "-cp",
                System.getProperty("java.class.path"),
                DownloadRouteProbe.class.getName());
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_FLAVOR");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(
                last.startsWith(
                        "refused: PyTorch = " + NativeRoute.DJL_DOWNLOAD.description() + ": DJL could not load it ("),
                out);
        assertTrue(last.contains("No PyTorch native library matches"), "DJL looked for a download: " + out);
    }

    @Test
    void theBundledLibraryIsTheCpuBuildOfThePinnedVersion() {
        NativeLibrary library = DjlRuntime.library();
        assertEquals(NativeRoute.BUNDLED_CPU, library.route());
        assertEquals("2.7.1", library.version());
        assertEquals("cpu", library.flavour());
    }
}
