package io.paretone.spaces;

import io.paretone.spaces.check.Check;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;

/**
 * What every family declares the same way, declared once: its name, domain, one-line summary and
 * space, and a decoding that first checks the genome is its own. A family passes those to the
 * constructor and writes {@link #decodeOwn} and {@link #published}.
 */
public abstract class BaseModelFamily implements ModelFamily {
    private final String name;
    private final Domain domain;
    private final String summary;
    private final SearchSpace space;

    /**
     * @param space the family's genes, named as the family (its genomes say which family they belong to)
     */
    protected BaseModelFamily(String name, Domain domain, String summary, SearchSpace space) {
        this.name = Check.notNull("name", name);
        this.domain = Check.notNull("domain", domain);
        this.summary = Check.notNull("summary", summary);
        this.space = Check.notNull("space", space);
        Check.that(space.name().equals(name), "space", space.name(), "must be named as its family, " + name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Domain domain() {
        return domain;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final SearchSpace space() {
        return space;
    }

    @Override
    public final Architecture decode(Genome genome) {
        return decodeOwn(requireOwn(genome));
    }

    /** The architecture of a genome already checked to be of this family's space. */
    protected abstract Architecture decodeOwn(Genome genome);
}
