package io.paretone.spaces.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("cpu", NativeLibrary.flavourOf(Path.of("/c/pytorch/2.7.1-20250812-cpu-linux-x86_64"),
                NativeRoute.BUNDLED_CPU, null));
        assertEquals("cu128", NativeLibrary.flavourOf(Path.of("/c/pytorch/2.7.1-cu128-linux-x86_64"),
                NativeRoute.DJL_DOWNLOAD, null));
        assertEquals("cpu", NativeLibrary.flavourOf(Path.of("/c/pytorch/2.7.1-cpu-precxx11-linux-aarch64"),
                NativeRoute.BUNDLED_CPU, null));
        assertEquals("cu130", NativeLibrary.flavourOf(dir, NativeRoute.OWN_PYTORCH, "cu130"));
        assertEquals("cpu", NativeLibrary.flavourOf(dir, NativeRoute.OWN_PYTORCH, null), "no libtorch_cuda there");
    }

    @Test
    void theBundledLibraryIsTheCpuBuildOfThePinnedVersion() {
        NativeLibrary library = DjlRuntime.library();
        assertEquals(NativeRoute.BUNDLED_CPU, library.route());
        assertEquals("2.7.1", library.version());
        assertEquals("cpu", library.flavour());
    }
}
