package io.paretone.evaluators.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds an external program by name; injectable so tests can pretend a program is missing. */
@FunctionalInterface
public interface ExecutableLookup {
    Optional<Path> find(String program);

    /** Looks through the folders of the {@code PATH} environment variable, as a shell does. */
    static ExecutableLookup onPath() {
        return program -> {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        };
    }
}
