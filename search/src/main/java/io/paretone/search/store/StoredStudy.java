package io.paretone.search.store;

import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.trial.Constraints;
import io.paretone.spaces.Domain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study read back from storage, for reports: its settings, every trial so far and, once it
 * ended, its summary.
 *
 * @param location where it was read from, for people (a folder path)
 * @param finished true once the study wrote its final results
 * @param settings every stored setting as text, nested keys joined with '.', in stored order
 * @param plannedCandidates population x generations: the evaluation budget
 * @param constraints the feasibility limits the study applied
 * @param carbonKgPerKwh the grid intensity its CO2e figures use
 * @param summary counts and the study's own footprint; empty until the study ended
 * @param objectives the minimised objectives, in the order of every trial's values
 * @param trials every trained or failed candidate, in order of evaluation
 */
public record StoredStudy(
        String name,
        String location,
        boolean finished,
        Map<String, String> settings,
        int plannedCandidates,
        Constraints constraints,
        double carbonKgPerKwh,
        Optional<StudySummary> summary,
        List<StoredObjective> objectives,
        List<StoredTrial> trials) {

    public StoredStudy {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        objectives = List.copyOf(objectives);
        trials = List.copyOf(trials);
    }

    /** The domain the study searched, from its settings; {@link Domain#byId} reads studies stored before there was a choice. */
    public Domain domain() {
        return Domain.byId(settings.get("domain"));
    }

    public List<StoredTrial> completeTrials() {
        return trials.stream().filter(StoredTrial::complete).toList();
    }

    public List<StoredTrial> failedTrials() {
        return trials.stream().filter(t -> !t.complete()).toList();
    }

    /** Complete and within the study's constraints, the same rule the search applied. */
    public boolean feasible(StoredTrial t) {
        return t.complete() && constraints.respectedBy(t.outcome().metrics());
    }

    /** The feasible trials that no other feasible trial dominates on every objective. */
    public List<StoredTrial> front() {
        return frontOf(trials);
    }

    /** The front of the first trials only, as it stood after them. */
    public List<StoredTrial> frontOf(List<StoredTrial> someTrials) {
        return ParetoFront.nonDominated(
                someTrials.stream().filter(this::feasible).toList(), this::values);
    }

    /** A trial's objectives as a vector in the order of {@link #objectives()}, NaN where unknown. */
    public double[] values(StoredTrial t) {
        return t.outcome().values(objectives.stream().map(StoredObjective::name).toList());
    }

    /** The position of an objective in every trial's values, or -1 if the study has none by that name. */
    public int objectiveIndex(String objectiveName) {
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.get(i).name().equals(objectiveName)) {
                return i;
            }
        }
        return -1;
    }
}
