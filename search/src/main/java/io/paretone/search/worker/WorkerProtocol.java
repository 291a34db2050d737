package io.paretone.search.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paretone.search.trial.SearchJson;
import java.util.Optional;

/**
 * The wire form of worker messages: one JSON object per line. A worker's stdout may also carry
 * lines written by native libraries (PyTorch prints there), so the worker's lines start with
 * {@value #PREFIX} and anything else on that stream is only logged.
 */
public final class WorkerProtocol {
    /** Marks a protocol line; the number is the protocol's version. */
    public static final String PREFIX = "@paretone-worker/1 ";

    private WorkerProtocol() {}

    public static String toWorker(ToWorker message) {
        return SearchJson.write(message);
    }

    public static ToWorker readToWorker(String line) throws JsonProcessingException {
        return SearchJson.MAPPER.readValue(line, ToWorker.class);
    }

    public static String fromWorker(FromWorker message) {
        return PREFIX + SearchJson.write(message);
    }

    /**
     * @return the message on a protocol line, empty for any other line
     * @throws JsonProcessingException if a protocol line does not parse
     */
    public static Optional<FromWorker> readFromWorker(String line) throws JsonProcessingException {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(SearchJson.MAPPER.readValue(line.substring(PREFIX.length()), FromWorker.class));
    }
}
