package io.paretone.evaluators.data;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a cache folder under a temporary name beside it and renames it in one step, so a crash
 * never leaves a half-written folder under the real name, and two processes preparing the same
 * folder at once both end up reading one complete copy.
 */
public final class AtomicFolder {
    /** Fills the temporary folder. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path temporary) throws IOException;
    }

    private AtomicFolder() {}

    /**
     * Writes {@code folder}; if another process renamed its copy into place first (its
     * {@code marker} file exists), keeps theirs.
     */
    public static void write(Path folder, String marker, Contents contents) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, folder.getFileName() + ".tmp-");
        try {
            contents.writeInto(temporary);
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.isRegularFile(folder.resolve(marker))) {
                    throw e;
                }
            }
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Deletes a folder and everything in it, if it exists, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A leftover temporary folder is never read; the next write makes a new one.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
