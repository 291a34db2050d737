package io.paretone.search;

import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.search.footprint.CandidateCharge;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.nsga.SearchLedger;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.SessionFootprint;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * The running account of a study in this process: the finished trials it has seen (its own, those
 * of earlier sessions as the replay meets them, those of other processes), the hypervolume after
 * each generation, and the time and energy spent, earlier sessions included.
 *
 * <p>Energy has two sources that never overlap: this scheduling process, metered by a process
 * meter (CPU time), and its workers, which meter their own set-up and every trial.
 */
final class StudyLedger implements SearchLedger {
    /** What a trial cost its worker. */
    private record Cost(double joules, double seconds) {}

    private final StudySettings settings;
    private final Hypervolume hypervolume;
    private final SessionFootprint previous;
    private final EnergyMeter.Window mainWindow;
    private final long mainCpuStart = processCpuNanos();
    private final Map<Integer, Trial> finished = new TreeMap<>();
    private final Map<Integer, Cost> costs = new TreeMap<>();
    private final Set<String> architectures = new HashSet<>();
    private final List<Double> hypervolumes = new ArrayList<>();
    private DoubleSupplier workerJoules = () -> 0;
    private int generations;

    /**
     * @param mainWindow meters this process only, read as the study goes
     * @param previous what earlier sessions of the study spent
     */
    StudyLedger(StudySettings settings, Hypervolume hypervolume, SessionFootprint previous, EnergyMeter.Window mainWindow) {
        this.settings = settings;
        this.hypervolume = hypervolume;
        this.previous = previous;
        this.mainWindow = mainWindow;
    }

    void workers(DoubleSupplier joules) {
        this.workerJoules = joules;
    }

    /**
     * Records a finished trial (again, harmlessly, when a replay meets it).
     *
     * @param totalJoules every joule the trial cost its worker
     * @param wallSeconds from its claim to its end
     */
    void record(Trial trial, double totalJoules, double wallSeconds) {
        finished.put(trial.number(), trial);
        costs.put(trial.number(), new Cost(totalJoules, wallSeconds));
        architectures.add(trial.description());
    }

    /** True if the search has met this architecture so far (in this run's order, replays included). */
    boolean evaluated(String architecture) {
        return architectures.contains(architecture);
    }

    List<Trial> trials() {
        return List.copyOf(finished.values());
    }

    /** Complete and within every constraint: the only trials that may be on the front. */
    boolean feasible(Trial t) {
        return t.complete() && settings.constraints().respectedBy(t.metrics());
    }

    /** The feasible Pareto front so far. */
    List<Trial> front() {
        return ParetoFront.nonDominated(finished.values().stream().filter(this::feasible).toList(), Trial::objectives);
    }

    /** Closes a generation: computes and keeps its hypervolume. */
    HypervolumePoint generationDone(int generation) {
        generations = generation + 1;
        List<Trial> front = front();
        double hv = hypervolume.of(front.stream().map(Trial::objectives).toList());
        hypervolumes.add(hv);
        return new HypervolumePoint(generation, finished.size(), kgCo2eSpent(), hv, front.size());
    }

    double pruningJoulesSaved() {
        return finished.values().stream().filter(t -> t.pruning() != null).mapToDouble(t -> t.pruning().joulesSaved()).sum();
    }

    @Override
    public int generations() {
        return generations;
    }

    @Override
    public int trialsFinished() {
        return finished.size();
    }

    @Override
    public double elapsedSeconds() {
        return previous.wallSeconds() + mainWindow.read().seconds();
    }

    @Override
    public double kgCo2eSpent() {
        return settings.carbon().kgCo2e(previous.joules() + mainWindow.read().joules() + workerJoules.getAsDouble());
    }

    @Override
    public List<Double> hypervolumes() {
        return List.copyOf(hypervolumes);
    }

    /** This session's footprint so far. */
    SessionFootprint session(String stopReason) {
        EnergyReading main = mainWindow.read();
        return new SessionFootprint(main.seconds(), (processCpuNanos() - mainCpuStart) / 1e9, main.joules(),
                workerJoules.getAsDouble(), stopReason);
    }

    /**
     * The whole study's footprint, all sessions: every trial seen as a candidate charge (its
     * worker's window), the rest (scheduling, the workers' set-up, earlier sessions' overhead) as
     * overhead.
     *
     * @param meter the workers' meter, named on every charge
     */
    FootprintSummary footprint(String meter, boolean estimated) {
        SessionFootprint now = session(null);
        EnergyReading total = new EnergyReading(previous.joules() + now.joules(), previous.wallSeconds() + now.wallSeconds(),
                meter + " (workers), cpu-time (scheduling)", estimated,
                "the workers' metered set-up and trials plus the scheduling process's CPU time, all runs of the study");
        List<CandidateCharge> charges = new ArrayList<>();
        for (Map.Entry<Integer, Trial> e : finished.entrySet()) {
            Cost c = costs.get(e.getKey());
            EnergyReading r = new EnergyReading(c.joules(), c.seconds(), meter, estimated, "the worker's window of the trial");
            charges.add(new CandidateCharge(e.getKey(), e.getValue().status().name(), r, settings.carbon().kgCo2e(c.joules())));
        }
        return new FootprintSummary(total, settings.carbon().kgCo2e(total.joules()), charges, settings.carbon());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
