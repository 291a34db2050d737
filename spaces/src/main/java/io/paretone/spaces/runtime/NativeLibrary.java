package io.paretone.spaces.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch that DJL loaded: its route, version, flavour ({@code cpu}, {@code cu128}, ...) and
 * folder.
 */
public record NativeLibrary(NativeRoute route, String version, String flavour, Path folder) {
    private static final Pattern CACHED_FLAVOUR = Pattern.compile("-(cpu|cu\\d+)(-precxx11)?-");

    /** Whether the libraries were built with CUDA: DJL's flavour says so, or the folder holds {@code libtorch_cuda}. */
    public boolean cuda() {
        return flavour.startsWith("cu") || Files.exists(folder.resolve(System.mapLibraryName("torch_cuda")));
    }

    /** One line: version, flavour, folder and route. */
    public String describe() {
        return "PyTorch " + version + " (" + flavour + ") in " + folder + ", " + route.description();
    }

    /**
     * The flavour of a folder DJL manages in its cache, named {@code <version>-<flavour>-<os>-<arch>}
     * ({@code 2.7.1-20250812-cpu-linux-x86_64}); for a folder of the user's own PyTorch,
     * {@code PYTORCH_FLAVOR} as set, else {@code cuda} or {@code cpu} by its libraries.
     */
    static String flavourOf(Path folder, NativeRoute route, String pytorchFlavour) {
        if (route == NativeRoute.OWN_PYTORCH) {
            if (pytorchFlavour != null && !pytorchFlavour.isBlank()) {
                return pytorchFlavour;
            }
            return Files.exists(folder.resolve(System.mapLibraryName("torch_cuda"))) ? "cuda" : "cpu";
        }
        Matcher m = CACHED_FLAVOUR.matcher(folder.getFileName().toString());
        return m.find() ? m.group(1) : "unknown";
    }
}
