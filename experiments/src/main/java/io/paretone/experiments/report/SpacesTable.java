package io.paretone.experiments.report;

import io.paretone.evaluators.families.PublishedCost;
import io.paretone.experiments.report.published.PublishedModels;
import io.paretone.spaces.Domain;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.training.TrainingGenes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Prints the model families, their genes and their published configurations counted at full scale. */
public final class SpacesTable {
    private SpacesTable() {}

    /** One mixed space per domain (audio, image) among the families, since a study searches one domain. */
    public static void printGenes(List<ModelFamily> families, PrintWriter out) {
        Map<Domain, List<ModelFamily>> byDomain = families.stream()
                .collect(Collectors.groupingBy(ModelFamily::domain, LinkedHashMap::new, Collectors.toList()));
        String separator = "";
        for (Map.Entry<Domain, List<ModelFamily>> domain : byDomain.entrySet()) {
            out.print(separator);
            printDomain(domain.getKey(), domain.getValue(), out);
            separator = System.lineSeparator();
        }
    }

    private static void printDomain(Domain domain, List<ModelFamily> families, PrintWriter out) {
        SearchSpace mixed =
                ModelFamilies.space(families.stream().map(ModelFamily::name).toList());
        out.printf(
                Locale.ROOT,
                "One %s search space over %d families (%.3g genomes). Genes of a family are written"
                        + " family.gene in configs and exist only when that family is chosen.%n%n",
                domain,
                families.size(),
                mixed.cardinality());
        out.println("shared by every family:");
        for (Gene g : TrainingGenes.genes()) {
            line(out, g);
        }
        for (ModelFamily f : families) {
            out.printf("%n%s: %s%n", f.name(), f.summary());
            for (Gene g : f.space().genes()) {
                if (!TrainingGenes.genes().contains(g)) {
                    line(out, g);
                }
            }
        }
    }

    private static void line(PrintWriter out, Gene g) {
        String when = g.condition() == null ? "" : "  (only when " + g.condition() + ")";
        out.printf(
                Locale.ROOT,
                "  %-18s %-12s %s%s%n      %s%n",
                g.name(),
                g.kind().name().toLowerCase(Locale.ROOT),
                g.allowedValues(),
                when,
                g.meaning());
    }

    public static void printPublished(List<PublishedCost> costs, int sampleRate, PrintWriter out) {
        out.printf(
                "%nPublished configurations, built at full scale untrained (FLOPs per generated unit: a second at"
                        + " %d Hz for audio families, one image for image families; published counts from %s):%n",
                sampleRate, PublishedModels.RESOURCE);
        out.printf(
                Locale.ROOT,
                "%-10s %-12s %-12s %-10s %-12s %s%n",
                "family",
                "ours",
                "published",
                "ratio",
                "FLOPs/unit",
                "model");
        PublishedModels table = PublishedModels.load();
        for (PublishedCost c : costs) {
            OptionalLong count =
                    c.configuration().publishedModel().map(table::parameters).orElse(OptionalLong.empty());
            String published = count.isPresent() ? Units.count(count.getAsLong()) : "-";
            String ratio = count.isPresent()
                    ? String.format(Locale.ROOT, "%.2f", (double) c.parameters() / count.getAsLong())
                    : "-";
            String flops = c.generationFlopsPerUnit().isPresent()
                    ? Units.count(c.generationFlopsPerUnit().getAsLong())
                    : "n/a";
            out.printf(
                    Locale.ROOT,
                    "%-10s %-12s %-12s %-10s %-12s %s%n",
                    c.family().name(),
                    Units.count(c.parameters()),
                    published,
                    ratio,
                    flops,
                    c.configuration().model());
        }
        out.println();
        for (PublishedCost c : costs) {
            out.printf(
                    "%s: %s%n    genome: %s%n    source: %s%n",
                    c.family().name(),
                    c.configuration().notes(),
                    c.configuration().genome(),
                    c.configuration().source());
            c.flopsUnavailable().ifPresent(reason -> out.printf("    FLOPs not counted: %s%n", reason));
        }
    }
}
