package io.paretone.search;

import io.paretone.search.trial.Candidate;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place the scheduling process turns a genome into a {@link Candidate}. A genome is decoded
 * the first time the search shows it (usually the duplicate check on a new offspring) and the same
 * candidate is handed out afterwards, when the generation is evaluated and when its survivors are
 * recorded. A study holds at most a few thousand distinct genomes, so the memo stays small.
 */
final class CandidateDecoder {
    private final long studySeed;
    private final Function<Genome, Architecture> decode;
    private final Map<String, Candidate> decoded = new HashMap<>();

    /** Decodes with the model families. */
    CandidateDecoder(long studySeed) {
        this(studySeed, ModelFamilies::decode);
    }

    /** Decodes with {@code decode} (tests count the decodes). */
    CandidateDecoder(long studySeed, Function<Genome, Architecture> decode) {
        this.studySeed = studySeed;
        this.decode = decode;
    }

    /** The candidate a genome of the study's mixed space encodes, decoded on first sight. */
    Candidate of(Genome genome) {
        return decoded.computeIfAbsent(genome.toString(), text -> {
            Architecture architecture = decode.apply(genome);
            String description = architecture.describe();
            return new Candidate(genome, architecture, description, seed(studySeed, description));
        });
    }

    /** A seed that depends only on the study seed and the architecture, not on the order of trials. */
    static long seed(long studySeed, String description) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((studySeed + "/" + description).getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 4; i++) {
                s = (s << 8) | (d[i] & 0xff);
            }
            return s; // 32 bits: PyTorch's seed setter takes an int
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
