package io.paretone.spark.testing;

import io.paretone.search.testing.FaultyWorkerMain;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A {@link FaultyWorkerMain} whose start fails when told, as a worker on a broken machine would:
 * each start numbers itself by leaving {@code start-N} in the folder {@value #STARTS}, and exits
 * before its set-up if N is listed in {@value #FAIL}.
 */
public final class FlakyStartWorkerMain {
    public static final String STARTS = "paretone.test.starts";
    public static final String FAIL = "paretone.test.fail-starts";

    private FlakyStartWorkerMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty(STARTS));
        int n = 1;
        while (true) {
            try {
                Files.createFile(dir.resolve("start-" + n));
                break;
            } catch (FileAlreadyExistsException e) {
                n++;
            }
        }
        if (Set.of(System.getProperty(FAIL, "").split(",")).contains(Integer.toString(n))) {
            System.exit(3);
        }
        FaultyWorkerMain.main(args);
    }

    /** How many workers have started so far. */
    public static long starts(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("start-"))
                    .count();
        }
    }
}
