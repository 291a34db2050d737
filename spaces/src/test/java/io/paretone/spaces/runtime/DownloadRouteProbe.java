package io.paretone.spaces.runtime;

import io.paretone.spaces.check.InvalidValueException;

/** Loads the engine by the download route in a JVM of its own and prints what happened, for {@link NativeRouteTest}. */
final class DownloadRouteProbe {
    private DownloadRouteProbe() {}

    public static void main(String[] args) {
        DjlRuntime.allowDownloads();
        try {
            System.out.println("loaded " + DjlRuntime.device("gpu") + " with "
                    + DjlRuntime.library().describe());
        } catch (InvalidValueException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
