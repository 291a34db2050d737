package io.paretone.spaces.runtime;

/**
 * Where DJL's PyTorch engine takes its native libraries from, as DJL 0.36's {@code LibUtils}
 * decides: {@code PYTORCH_LIBRARY_PATH} first, then a {@code pytorch-native-*} jar on the class
 * path, then a download into DJL's cache. paretone picks one of three routes without code changes.
 */
public enum NativeRoute {
    /** PyTorch's CPU libraries, bundled with paretone as the {@code pytorch-native-cpu} jar: offline, no GPU. */
    BUNDLED_CPU("the CPU build of PyTorch " + NativeRoute.PINNED_PYTORCH + " bundled with paretone"),
    /**
     * DJL's own CUDA build of PyTorch {@value #PINNED_PYTORCH}, downloaded into DJL's cache on
     * first use; an opt-in ({@code --allow-download}), used when a GPU is asked for. The bundled
     * CPU jar is hidden from DJL then, since DJL would otherwise prefer it.
     */
    DJL_DOWNLOAD("DJL's CUDA build of PyTorch " + NativeRoute.PINNED_PYTORCH + ", downloaded into DJL's cache"),
    /** The user's own PyTorch (for example {@code pip install torch}), named by {@code PYTORCH_LIBRARY_PATH}. */
    OWN_PYTORCH("your PyTorch from PYTORCH_LIBRARY_PATH");

    /** The PyTorch version of DJL 0.36's prebuilt JNI bridge and of the bundled CPU libraries. */
    public static final String PINNED_PYTORCH = "2.7.1";

    /** The CUDA flavour DJL publishes PyTorch {@value #PINNED_PYTORCH} for, asked for on the download route. */
    public static final String DOWNLOAD_FLAVOUR = "cu128";

    private final String description;

    NativeRoute(String description) {
        this.description = description;
    }

    /** The route in words, for doctor and error messages. */
    public String description() {
        return description;
    }

    /**
     * The route DJL will take.
     *
     * @param gpuRequested the device asked for is a GPU ({@code gpu} or {@code gpu:N})
     * @param downloadsAllowed the user opted into downloads
     * @param pytorchLibraryPath {@code PYTORCH_LIBRARY_PATH} as set, or null
     */
    public static NativeRoute choose(boolean gpuRequested, boolean downloadsAllowed, String pytorchLibraryPath) {
        if (pytorchLibraryPath != null && !pytorchLibraryPath.isBlank()) {
            return OWN_PYTORCH;
        }
        return gpuRequested && downloadsAllowed ? DJL_DOWNLOAD : BUNDLED_CPU;
    }
}
