package io.paretone.search;

import io.paretone.search.footprint.FootprintTotals;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.trial.Trial;
import io.paretone.search.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished study session.
 *
 * @param study the stored study's name, to resume or list it
 * @param storage the trial store's file
 * @param trials every trial this session saw finished (earlier sessions' included), by number
 * @param front the feasible Pareto-optimal trials, all complete
 * @param footprint energy and CO2e of the whole study, all its runs: every candidate, failed ones
 *     included, and the overhead (the scheduling process, the workers' set-up), with the carbon
 *     budget
 * @param session energy and wall time of this run alone: the scheduling process and its workers
 * @param sessionJoules this run's footprint: its trials' charged energy plus its overhead
 * @param hypervolumes the study's progress after each generation
 * @param stopReason why the search stopped
 * @param overhead what the scheduling process itself cost
 * @param prunedJoulesSaved training energy the pruned trials did not spend (extrapolated)
 * @param resumed true when the study existed before this run
 */
public record StudyResult(
        StudySettings settings,
        String study,
        Path storage,
        Path folder,
        List<Trial> trials,
        List<Trial> front,
        int candidatesEvaluated,
        FootprintTotals footprint,
        io.paretone.search.store.SessionFootprint session,
        double sessionJoules,
        List<HypervolumePoint> hypervolumes,
        String stopReason,
        Overhead overhead,
        double prunedJoulesSaved,
        boolean resumed) {

    /**
     * The scheduling process's share of the search: its CPU time (all its threads, JIT compiler and
     * GC included) in two parts, before the search loop and in it.
     *
     * @param searchSeconds wall time of the search loop, workers ready to last trial told
     * @param mainCpuSeconds CPU time the scheduling process used in that loop: the steady cost of
     *     scheduling, recording and breeding, what {@link #fraction()} relates to the loop's wall time
     * @param startupCpuSeconds CPU time from the JVM's start to the loop's start: start-up, the
     *     study's set-up and waiting for the workers to set up; paid once per run, whatever its length
     * @param totalCpuSeconds CPU time from the JVM's start to the loop's end: the two parts above
     *     and what lies between them
     * @param trials trials this run's workers ran to an end in the loop, to spread the loop's cost over
     */
    public record Overhead(
            double searchSeconds, double mainCpuSeconds, double startupCpuSeconds, double totalCpuSeconds, int trials) {
        /** Main-process CPU time in the search loop as a fraction of the loop's wall time. */
        public double fraction() {
            return searchSeconds > 0 ? mainCpuSeconds / searchSeconds : 0;
        }

        /** Main-process CPU seconds in the search loop per trial run, NaN when none ran. */
        public double cpuSecondsPerTrial() {
            return trials > 0 ? mainCpuSeconds / trials : Double.NaN;
        }
    }

    public long count(TrialStatus status) {
        return trials.stream().filter(t -> t.status() == status).count();
    }
}
