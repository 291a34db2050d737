package io.paretone.experiments.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/build-djl-jni --dry-run} on a PyTorch laid out as pip installs it (empty files:
 * nothing is compiled): it must find version and CUDA flavour, and put the bridge where DJL 0.36's
 * {@code LibUtils} looks for it: {@code <cache>/pytorch/<PYTORCH_VERSION>-<PYTORCH_FLAVOR>-linux-x86_64/
 * 0.36.0-libdjl_torch.so}. The real compile runs on the GPU machine (README, section GPU).
 */
class BuildDjlJniScriptTest {
    private static final Path SCRIPT =
            Path.of("..", "scripts", "build-djl-jni").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private Path touch(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A pip torch 2.11.0 built for CUDA 13.0, DJL's native sources and the JDK's and CUDA's headers. */
    private void layOut() throws IOException {
        touch("torch/lib/libtorch.so", "");
        touch("torch/lib/libtorch_cuda.so", "");
        touch("torch/include/torch/script.h", "");
        // As pip's torch 2.11 writes it (annotated names): the unannotated pattern missed the CUDA
        // version on the H200 and the script stopped.
        touch(
                "torch/version.py",
                "from typing import Optional\n__version__ = '2.11.0+cu130'\ndebug = False\n"
                        + "cuda: Optional[str] = '13.0'\nhip: Optional[str] = None\n");
        touch("djl-native-0.36.0/src/ai_djl_pytorch_jni_PyTorchLibrary.h", "");
        touch("djl-native-0.36.0/src/ai_djl_pytorch_jni_PyTorchLibrary_system.cc", "");
        touch("djl-native-0.36.0/djl/utils.h", "");
        touch("jdk/include/jni.h", "");
        touch("cuda/include/cuda_runtime_api.h", "");
    }

    @Test
    void dryRunFindsVersionAndFlavourAndNamesWhereDjlLooks() throws Exception {
        layOut();
        Path cache = dir.resolve("djl-cache");
        Run r = run(
                "--dry-run",
                "--torch",
                dir.resolve("torch").toString(),
                "--source",
                dir.resolve("djl-native-0.36.0").toString(),
                "--jni-include",
                dir.resolve("jdk/include").toString(),
                "--cuda-include",
                dir.resolve("cuda/include").toString(),
                "--cache",
                cache.toString(),
                "--abi",
                "1");
        assertEquals(0, r.exitCode(), r.output());
        Path torch = dir.resolve("torch").toRealPath();
        assertTrue(
                r.output()
                        .contains("DJL's bridge for PyTorch 2.11.0 (cu130): "
                                + cache.resolve("pytorch/2.11.0-cu130-linux-x86_64/0.36.0-libdjl_torch.so")),
                r.output());
        assertTrue(
                r.output()
                        .contains("export PYTORCH_LIBRARY_PATH=" + torch.resolve("lib")
                                + " PYTORCH_VERSION=2.11.0 PYTORCH_FLAVOR=cu130 DJL_CACHE_DIR=" + cache),
                r.output());
        assertTrue(r.output().contains("-DUSE_CUDA") && r.output().contains("-ltorch_cuda -lc10_cuda"), r.output());
        assertTrue(r.output().contains("-D_GLIBCXX_USE_CXX11_ABI=1"), r.output());
        assertTrue(r.output().contains("dry run, nothing compiled"), r.output());
    }

    @Test
    void aTarballOfTheSourcesIsAcceptedAsWell() throws Exception {
        layOut();
        Path tarball = dir.resolve("djl-native-0.36.0.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", tarball.toString(), "-C", dir.toString(), "djl-native-0.36.0")
                .inheritIO()
                .start();
        assertEquals(0, tar.waitFor());
        Run r = run(
                "--dry-run",
                "--torch",
                dir.resolve("torch").toString(),
                "--source",
                tarball.toString(),
                "--jni-include",
                dir.resolve("jdk/include").toString(),
                "--cuda-include",
                dir.resolve("cuda/include").toString(),
                "--cache",
                dir.resolve("c").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("/djl-native-0.36.0/src/<each .cc>"), r.output());
    }

    @Test
    void aFolderWithoutLibtorchIsOneLineNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("not-torch"));
        Run r = run("--dry-run", "--torch", dir.resolve("not-torch").toString());
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(1, r.output().strip().lines().count(), r.output());
        assertTrue(r.output().startsWith("build-djl-jni: no lib/libtorch.so in "), r.output());
    }
}
