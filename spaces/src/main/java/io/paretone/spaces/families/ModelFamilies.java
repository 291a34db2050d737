package io.paretone.spaces.families;

import io.paretone.spaces.Architecture;
import io.paretone.spaces.Domain;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.convvae.ConvVaeFamily;
import io.paretone.spaces.dcgan.DcganFamily;
import io.paretone.spaces.flow.FlowFamily;
import io.paretone.spaces.gansynth.GanSynthFamily;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.pixelcnn.PixelCnnFamily;
import io.paretone.spaces.samplernn.SampleRnnFamily;
import io.paretone.spaces.sing.SingFamily;
import io.paretone.spaces.training.TrainingGenes;
import io.paretone.spaces.vae.VaeFamily;
import io.paretone.spaces.wavegan.WaveGanFamily;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model families paretone knows, and the one search space over all of them.
 *
 * <p>The mixed space starts with the categorical gene {@value #FAMILY}, then the shared
 * {@link TrainingGenes}, then each family's own genes named {@code family.gene} and existing only
 * under {@code family=that family}. {@link #decode} is the one way a genome of it (or of a
 * restriction to some families) becomes an architecture.
 */
public final class ModelFamilies {
    /** The categorical gene choosing the family. */
    public static final String FAMILY = "family";

    private static final List<ModelFamily> ALL = List.of(
            new WaveNetFamily(),
            new SampleRnnFamily(),
            new WaveGanFamily(),
            new VaeFamily(),
            new SingFamily(),
            new GanSynthFamily(),
            new FlowFamily(),
            new DcganFamily(ImageFormat.DIGITS),
            new ConvVaeFamily(ImageFormat.DIGITS),
            new PixelCnnFamily(ImageFormat.DIGITS));
    private static final SearchSpace SPACE = mixedSpace(ALL);

    private ModelFamilies() {}

    public static List<ModelFamily> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(ModelFamily::name).toList();
    }

    public static ModelFamily byName(String name) {
        return ALL.stream()
                .filter(f -> f.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("family", name, "known families are " + names()));
    }

    /** The names of one domain's families. */
    public static List<String> names(Domain domain) {
        return ALL.stream()
                .filter(f -> f.domain() == domain)
                .map(ModelFamily::name)
                .toList();
    }

    /** The mixed space over every family of a domain, that domain's default search. */
    public static SearchSpace space(Domain domain) {
        return space(names(domain));
    }

    /** The mixed space over every audio family, the default search. */
    public static SearchSpace space() {
        return space(Domain.AUDIO);
    }

    /**
     * The mixed space over the named families only; the others' genes are gone. Image families
     * generate 28 x 28 grayscale images ({@link ImageFormat#DIGITS}).
     *
     * @throws InvalidValueException if a name is unknown, none is given, or audio and image families are mixed
     */
    public static SearchSpace space(List<String> families) {
        if (families.isEmpty()) {
            throw new InvalidValueException("families", "[]", "name at least one of " + names());
        }
        long domains = families.stream()
                .map(f -> byName(f).domain())
                .distinct()
                .count(); // byName: a clear error for an unknown name
        if (domains > 1) {
            throw new InvalidValueException(
                    "families",
                    families,
                    "search audio families (" + names(Domain.AUDIO) + ") or image families (" + names(Domain.IMAGE)
                            + "), not both in one study");
        }
        return SPACE.restrict(Map.of(FAMILY, families));
    }

    /** The domain of a mixed space's families. */
    public static Domain domainOf(SearchSpace mixed) {
        return byName(mixed.gene(FAMILY).text(0)).domain();
    }

    /** The architecture a genome of the mixed space (or a restriction of it) describes. */
    public static Architecture decode(Genome genome) {
        ModelFamily family = byName(genome.choice(FAMILY));
        return family.decode(family.space().projectFrom(genome, family.name()));
    }

    /**
     * For each family of a mixed space, its smallest genome: the first value of every gene (gene
     * values ascend, so the fewest layers and channels and the fewest steps).
     */
    public static List<Genome> smallestPerFamily(SearchSpace mixed) {
        int position = mixed.genes().indexOf(mixed.gene(FAMILY));
        List<Genome> out = new java.util.ArrayList<>();
        for (int f = 0; f < mixed.gene(FAMILY).size(); f++) {
            int[] indices = new int[mixed.size()];
            indices[position] = f;
            out.add(mixed.genome(indices));
        }
        return out;
    }

    /** The mixed space over the given families (exposed for tests with their own families). */
    static SearchSpace mixedSpace(List<ModelFamily> families) {
        Map<String, SearchSpace> own = new LinkedHashMap<>();
        families.forEach(f -> own.put(f.name(), f.space()));
        return SearchSpace.ofAlternatives("families", FAMILY, "model family", TrainingGenes.genes(), own);
    }
}
