package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One point of a {@link SearchSpace}: an index into each gene's values. Immutable. */
public final class Genome {
    private final SearchSpace space;
    private final int[] indices;

    Genome(SearchSpace space, int[] indices) {
        if (indices.length != space.size()) {
            throw new InvalidValueException(
                    "genome length", indices.length, "must equal the gene count " + space.size());
        }
        for (int i = 0; i < indices.length; i++) {
            space.genes().get(i).value(indices[i]); // range check with a clear message
        }
        this.space = space;
        this.indices = indices.clone();
    }

    public SearchSpace space() {
        return space;
    }

    /** The value indices, one per gene, as the optimiser encodes them. */
    public int[] indices() {
        return indices.clone();
    }

    public int integer(String gene) {
        Gene g = space.gene(gene);
        if (!g.isWhole()) {
            throw new IllegalStateException("gene " + gene + " is real-valued; read it with real()");
        }
        return (int) Math.round(g.value(indices[space.position(gene)]));
    }

    public double real(String gene) {
        return space.gene(gene).value(indices[space.position(gene)]);
    }

    /** Gene names to values as printed, in gene order (for JSON and CSV output). */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            Gene g = space.genes().get(i);
            out.put(g.name(), g.format(g.value(indices[i])));
        }
        return out;
    }

    /** The canonical text form, {@code name=value ...}, read back by {@link SearchSpace#parse}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        asText().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Genome g && g.space.equals(space) && Arrays.equals(g.indices, indices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + space.family().hashCode();
    }
}
