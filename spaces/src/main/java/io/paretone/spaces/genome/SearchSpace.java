package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered genes of a search space: what the optimiser may choose, declared once.
 *
 * <p>A space may be conditional: a gene with a {@link Gene.Condition} exists only when its parent,
 * declared earlier, takes one of the condition's values. The optimiser still sees one integer per
 * gene (inactive genes keep their value in the population, ready if a mutation brings their parent
 * back); a {@link Genome} is the canonical point, where inactive genes are ignored. The mixed space
 * over all model families is built by {@link #ofAlternatives} and read back per family with
 * {@link #projectFrom}.
 */
public final class SearchSpace {
    private final String name;
    private final List<Gene> genes;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final int[] parents; // position of each gene's parent, or -1

    public SearchSpace(String name, List<Gene> genes) {
        this.name = name;
        this.genes = List.copyOf(genes);
        this.parents = new int[this.genes.size()];
        for (int i = 0; i < this.genes.size(); i++) {
            Gene g = this.genes.get(i);
            Gene.Condition c = g.condition();
            parents[i] = -1;
            if (c != null) {
                Integer p = positions.get(c.parent());
                if (p == null) {
                    throw new IllegalArgumentException(
                            "gene " + g.name() + " depends on " + c.parent() + ", which must be declared before it");
                }
                parents[i] = p;
                for (String v : c.values()) {
                    this.genes.get(p).parse(v); // the condition must name real values of the parent
                }
            }
            if (positions.put(g.name(), i) != null) {
                throw new IllegalArgumentException("gene " + g.name() + " twice");
            }
        }
    }

    /**
     * One space over alternatives (model families): a categorical gene {@code choice} naming the
     * alternative, the {@code shared} genes every alternative reads, then each alternative's own
     * genes renamed {@code alternative.gene}, existing only under {@code choice=alternative} (or
     * under their own condition, itself renamed, which chains to the choice).
     *
     * @param alternatives each alternative's own space by name; genes named like a shared gene
     *     must equal it and are read from the shared one
     */
    public static SearchSpace ofAlternatives(
            String name, String choice, String meaning, List<Gene> shared, Map<String, SearchSpace> alternatives) {
        List<Gene> all = new ArrayList<>();
        all.add(Gene.ofChoices(choice, meaning, alternatives.keySet().toArray(String[]::new)));
        all.addAll(shared);
        Set<String> sharedNames = new HashSet<>();
        shared.forEach(g -> sharedNames.add(g.name()));
        alternatives.forEach((alternative, space) -> {
            for (Gene g : space.genes()) {
                if (sharedNames.contains(g.name())) {
                    Gene common = shared.stream()
                            .filter(s -> s.name().equals(g.name()))
                            .findFirst()
                            .orElseThrow();
                    if (!common.equals(g)) {
                        throw new IllegalArgumentException(
                                alternative + " declares " + g + " differently from the shared " + common);
                    }
                    continue;
                }
                Gene.Condition c = g.condition() == null
                        ? new Gene.Condition(choice, List.of(alternative))
                        : new Gene.Condition(
                                alternative + "." + g.condition().parent(),
                                g.condition().values());
                all.add(g.renamed(alternative + "." + g.name(), c));
            }
        });
        return new SearchSpace(name, all);
    }

    /**
     * The genome of this (an alternative's own) space that a genome of the mixed space describes,
     * reading {@code alternative.gene} or, for shared genes, {@code gene}. Values are matched by
     * value, so a mixed space restricted by the user still maps onto the full own space.
     */
    public Genome projectFrom(Genome mixed, String alternative) {
        int[] indices = new int[genes.size()];
        SearchSpace from = mixed.space();
        for (int i = 0; i < indices.length; i++) {
            String own = genes.get(i).name();
            String there = from.contains(alternative + "." + own) ? alternative + "." + own : own;
            if (from.contains(there) && mixed.isActive(there)) {
                indices[i] = genes.get(i).parse(mixed.text(there));
            }
        }
        return new Genome(this, indices);
    }

    /** The space's name: a family's name, or a name for the mixed space. */
    public String name() {
        return name;
    }

    public List<Gene> genes() {
        return Collections.unmodifiableList(genes);
    }

    public int size() {
        return genes.size();
    }

    public boolean contains(String gene) {
        return positions.containsKey(gene);
    }

    public Gene gene(String name) {
        return genes.get(position(name));
    }

    int position(String gene) {
        Integer p = positions.get(gene);
        if (p == null) {
            throw new InvalidValueException(
                    "gene", gene, "unknown in " + name + "; known genes are " + positions.keySet());
        }
        return p;
    }

    /** Which genes exist for these value indices: a gene is active if its parent is and takes a listed value. */
    boolean[] active(int[] indices) {
        boolean[] active = new boolean[genes.size()];
        for (int i = 0; i < active.length; i++) {
            int p = parents[i];
            active[i] = p < 0
                    || (active[p]
                            && genes.get(i).condition().values().stream()
                                    .anyMatch(v -> genes.get(p).parse(v) == indices[p]));
        }
        return active;
    }

    /** Which genes exist for these raw value indices (as an optimiser encodes them). */
    public boolean[] activeGenes(int... indices) {
        return active(indices);
    }

    /** The genome at these value indices, one per gene in order; indices of inactive genes are ignored. */
    public Genome genome(int... indices) {
        return new Genome(this, indices);
    }

    /**
     * Reads a genome written as {@code name=value} pairs separated by spaces, the form
     * {@link Genome#toString()} prints. Every active gene must be given, and no inactive one.
     */
    public Genome parse(String text) {
        int[] indices = new int[genes.size()];
        boolean[] given = new boolean[genes.size()];
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidValueException("genome", text, "write name=value pairs");
            }
            int p = position(pair.substring(0, eq));
            indices[p] = genes.get(p).parse(pair.substring(eq + 1));
            given[p] = true;
        }
        boolean[] active = active(indices);
        for (int i = 0; i < indices.length; i++) {
            Gene g = genes.get(i);
            if (active[i] && !given[i]) {
                throw new InvalidValueException("genome", text, "missing gene " + g.name());
            }
            if (!active[i] && given[i]) {
                throw new InvalidValueException(
                        g.name(), g.text(indices[i]), "exists only when " + g.condition() + "; leave it out");
            }
        }
        return new Genome(this, indices);
    }

    /**
     * This space with some genes limited to fewer values (for a study's configuration), values
     * written as a user would. Genes that can no longer exist (their parent lost every value of
     * their condition, such as a family's genes when the family is left out) are dropped.
     */
    public SearchSpace restrict(Map<String, List<String>> allowed) {
        List<Gene> restricted = new ArrayList<>(genes);
        allowed.forEach(
                (gene, values) -> restricted.set(position(gene), gene(gene).restrictedTo(values)));
        List<Gene> kept = new ArrayList<>();
        Map<String, Gene> keptByName = new LinkedHashMap<>();
        for (Gene g : restricted) {
            Gene.Condition c = g.condition();
            if (c != null) {
                Gene parent = keptByName.get(c.parent());
                if (parent == null || c.values().stream().noneMatch(v -> canParse(parent, v))) {
                    continue;
                }
            }
            kept.add(g);
            keptByName.put(g.name(), g);
        }
        return new SearchSpace(name, kept);
    }

    private static boolean canParse(Gene gene, String value) {
        try {
            gene.parse(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** How many distinct genomes this space holds, counting each combination of active genes once. */
    public double cardinality() {
        return count(0, new int[genes.size()]);
    }

    /** Enumerates the genes others depend on (few values each), multiplying in the sizes of the rest. */
    private double count(int from, int[] indices) {
        for (int i = from; i < genes.size(); i++) {
            if (isParent(i) && active(indices)[i]) {
                double sum = 0;
                for (int v = 0; v < genes.get(i).size(); v++) {
                    indices[i] = v;
                    sum += count(i + 1, indices);
                }
                indices[i] = 0;
                return sum;
            }
        }
        boolean[] active = active(indices);
        double n = 1;
        for (int i = 0; i < genes.size(); i++) {
            if (active[i] && !isParent(i)) {
                n *= genes.get(i).size();
            }
        }
        return n;
    }

    private boolean isParent(int position) {
        for (int p : parents) {
            if (p == position) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.name.equals(name) && s.genes.equals(genes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + genes.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(genes.toArray());
    }
}
