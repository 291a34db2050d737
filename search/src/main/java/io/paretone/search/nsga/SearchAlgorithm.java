package io.paretone.search.nsga;

import java.util.List;
import java.util.function.Consumer;
import org.uma.jmetal.component.catalogue.common.termination.Termination;
import org.uma.jmetal.solution.integersolution.IntegerSolution;

/** A search over architectures: proposes generations, has them evaluated, stops when told. */
public interface SearchAlgorithm {
    String name();

    /**
     * Runs until {@code termination} is met, checked after each generation.
     *
     * @param survivors hears the population kept after each generation
     * @return the last population
     */
    List<IntegerSolution> run(
            ArchitectureProblem problem,
            GenerationEvaluation evaluation,
            Termination termination,
            Consumer<List<IntegerSolution>> survivors);
}
