package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered genes of a model family: what the optimiser may choose, declared once. */
public final class SearchSpace {
    private final String family;
    private final List<Gene> genes;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    public SearchSpace(String family, List<Gene> genes) {
        this.family = family;
        this.genes = List.copyOf(genes);
        for (int i = 0; i < this.genes.size(); i++) {
            if (positions.put(this.genes.get(i).name(), i) != null) {
                throw new IllegalArgumentException("gene " + this.genes.get(i).name() + " twice");
            }
        }
    }

    public String family() {
        return family;
    }

    public List<Gene> genes() {
        return Collections.unmodifiableList(genes);
    }

    public int size() {
        return genes.size();
    }

    public Gene gene(String name) {
        return genes.get(position(name));
    }

    int position(String name) {
        Integer p = positions.get(name);
        if (p == null) {
            throw new InvalidValueException(
                    "gene", name, "unknown for " + family + "; known genes are " + positions.keySet());
        }
        return p;
    }

    /** The genome at these value indices, one per gene in order. */
    public Genome genome(int... indices) {
        return new Genome(this, indices);
    }

    /**
     * Reads a genome written as {@code name=value} pairs separated by spaces, the form
     * {@link Genome#toString()} prints. Every gene must be given.
     */
    public Genome parse(String text) {
        int[] indices = new int[genes.size()];
        java.util.Arrays.fill(indices, -1);
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidValueException("genome", text, "write name=value pairs");
            }
            String name = pair.substring(0, eq);
            Gene gene = gene(name);
            double value;
            try {
                value = Double.parseDouble(pair.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new InvalidValueException(name, pair.substring(eq + 1), "must be a number");
            }
            indices[position(name)] = gene.indexOf(value);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0) {
                throw new InvalidValueException("genome", text, "missing gene " + genes.get(i).name());
            }
        }
        return new Genome(this, indices);
    }

    /** This space with some genes limited to fewer values (for a study's configuration). */
    public SearchSpace restrict(Map<String, double[]> allowed) {
        List<Gene> restricted = new ArrayList<>(genes);
        allowed.forEach((name, values) -> restricted.set(position(name), gene(name).restrictedTo(values)));
        return new SearchSpace(family, restricted);
    }

    /** How many distinct genomes this space holds. */
    public double cardinality() {
        double n = 1;
        for (Gene g : genes) {
            n *= g.size();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.family.equals(family) && s.genes.equals(genes);
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + genes.hashCode();
    }
}
