package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a {@link SearchSpace}: an index into each gene's values. Immutable and canonical:
 * inactive genes (whose condition does not hold) read as index 0 and are left out of the text
 * form, so two genomes that describe the same choices are equal.
 */
public final class Genome {
    private final SearchSpace space;
    private final int[] indices;
    private final boolean[] active;

    Genome(SearchSpace space, int[] indices) {
        if (indices.length != space.size()) {
            throw new InvalidValueException(
                    "genome length", indices.length, "must equal the gene count " + space.size());
        }
        int[] canonical = indices.clone();
        for (int i = 0; i < canonical.length; i++) {
            space.genes().get(i).value(canonical[i]); // range check with a clear message
        }
        this.active = space.active(canonical);
        for (int i = 0; i < canonical.length; i++) {
            if (!active[i]) {
                canonical[i] = 0;
            }
        }
        this.space = space;
        this.indices = canonical;
    }

    public SearchSpace space() {
        return space;
    }

    /** The value indices, one per gene (0 for inactive genes). */
    public int[] indices() {
        return indices.clone();
    }

    /** Whether a gene exists in this genome (its condition holds). */
    public boolean isActive(String gene) {
        return active[space.position(gene)];
    }

    public int integer(String gene) {
        Gene g = read(gene);
        if (!g.isWhole()) {
            throw new IllegalStateException("gene " + gene + " is " + g.kind() + ", not a whole number");
        }
        return (int) Math.round(g.value(indices[space.position(gene)]));
    }

    public double real(String gene) {
        Gene g = read(gene);
        if (g.isCategorical()) {
            throw new IllegalStateException("gene " + gene + " is categorical; read it with choice()");
        }
        return g.value(indices[space.position(gene)]);
    }

    /** The chosen value of a categorical gene, such as {@code wavenet} for {@code family}. */
    public String choice(String gene) {
        Gene g = read(gene);
        if (!g.isCategorical()) {
            throw new IllegalStateException("gene " + gene + " is not categorical");
        }
        return g.text(indices[space.position(gene)]);
    }

    /** A gene's value as printed. */
    public String text(String gene) {
        return read(gene).text(indices[space.position(gene)]);
    }

    private Gene read(String gene) {
        int p = space.position(gene);
        if (!active[p]) {
            throw new IllegalStateException("gene " + gene + " does not exist here: it needs "
                    + space.genes().get(p).condition());
        }
        return space.genes().get(p);
    }

    /** Active gene names to values as printed, in gene order (for JSON and CSV output). */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            if (active[i]) {
                Gene g = space.genes().get(i);
                out.put(g.name(), g.text(indices[i]));
            }
        }
        return out;
    }

    /** The canonical text form, {@code name=value ...}, read back by {@link SearchSpace#parse}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asText().forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Genome g && g.space.equals(space) && Arrays.equals(g.indices, indices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + space.name().hashCode();
    }
}
