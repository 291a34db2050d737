package io.paretone.search;

import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.search.footprint.CandidateCharge;
import io.paretone.search.footprint.DeviceShares;
import io.paretone.search.footprint.FootprintSummary;
import io.paretone.search.nsga.SearchLedger;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.store.TrialRow;
import io.paretone.search.trial.EnergyPart;
import io.paretone.search.trial.Trial;
import io.paretone.search.worker.TrialEngine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The running account of a study in this process: the finished trials it has seen (its own, those
 * of earlier sessions as the replay meets them, those of other processes), the hypervolume after
 * each generation, and the time and energy spent, earlier sessions included.
 *
 * <p>Energy has three sources that never overlap: this scheduling process, metered by a process
 * meter (CPU time); its workers, which meter their own set-up and every trial; and the devices the
 * workers share, each metered once by this process ({@link DeviceShares}) from before the workers
 * start. Each trial's energy is stored with the trial (its share, on a shared device); what this
 * session spent outside its trials is its overhead, stored with the session. A shared device's
 * energy outside trials (set-up, gaps, idle) is in the overhead once, from its own meter: the
 * parts of the workers' set-up readings that read the same whole device are left out, as each
 * holds all its neighbours' set-up too. The study's footprint is the sum of trials and overheads
 * over every session.
 */
final class StudyLedger implements SearchLedger {
    private final StudySettings settings;
    private final List<String> objectives;
    private final Hypervolume hypervolume;
    private final SessionFootprint previous;
    private final double storedTrialJoules;
    private final EnergyMeter.Window mainWindow;
    private final long mainCpuStart = processCpuNanos();
    private final Map<Integer, Trial> finished = new TreeMap<>();
    private final Set<String> architectures = new HashSet<>();
    private final List<Double> hypervolumes = new ArrayList<>();
    private DoubleSupplier workerJoules = () -> 0;
    private Supplier<List<TrialEngine.SetUp>> setUps = List::of;
    private double ownStoredJoules;
    private double ownMeteredJoules;
    private DeviceShares shared = new DeviceShares();
    private int generations;
    private int ownTrials;

    /**
     * @param mainWindow meters this process only, read as the study goes
     * @param previous what earlier sessions of the study spent, killed ones included
     * @param storedTrialJoules the energy of the trials already in the store when this session began
     */
    StudyLedger(
            StudySettings settings,
            Hypervolume hypervolume,
            SessionFootprint previous,
            double storedTrialJoules,
            EnergyMeter.Window mainWindow) {
        this.settings = settings;
        this.objectives = Study.objectiveNames(settings);
        this.hypervolume = hypervolume;
        this.previous = previous;
        this.storedTrialJoules = storedTrialJoules;
        this.mainWindow = mainWindow;
    }

    /**
     * @param joules every joule the workers metered, set-up and trials
     * @param setUps their set-ups by part, replaced workers' included
     */
    void workers(DoubleSupplier joules, Supplier<List<TrialEngine.SetUp>> setUps) {
        this.workerJoules = joules;
        this.setUps = setUps;
    }

    /** Records a finished trial (again, harmlessly, when a replay meets it). */
    void record(Trial trial) {
        finished.put(trial.number(), trial);
        architectures.add(trial.description());
    }

    /**
     * Counts a trial this session ran.
     *
     * @param storedJoules its energy as stored with it (its share, where it shared a device)
     * @param workerJoules what its worker metered for it (the whole device, neighbours included)
     */
    synchronized void charged(double storedJoules, double workerJoules) {
        ownStoredJoules += storedJoules;
        ownMeteredJoules += workerJoules;
        ownTrials++;
    }

    /** How many trials this session's workers ran to an end (failed and pruned ones included). */
    synchronized int ownTrials() {
        return ownTrials;
    }

    /** The devices this process meters once for every worker on them; their energy no trial used is overhead. */
    void sharedDevices(DeviceShares shares) {
        this.shared = shares;
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
        return t.complete() && settings.constraints().respectedBy(t.outcome().metrics());
    }

    /** The feasible Pareto front so far. */
    List<Trial> front() {
        return ParetoFront.nonDominated(
                finished.values().stream().filter(this::feasible).toList(), this::values);
    }

    /** Closes a generation: computes and keeps its hypervolume. */
    HypervolumePoint generationDone(int generation) {
        generations = generation + 1;
        List<Trial> front = front();
        double hv = hypervolume.of(front.stream().map(this::values).toList());
        hypervolumes.add(hv);
        return new HypervolumePoint(generation, finished.size(), kgCo2eSpent(), hv, front.size());
    }

    /** A trial's objectives as a vector in the study's order, NaN where unknown. */
    double[] values(Trial t) {
        return t.outcome().values(objectives);
    }

    double pruningJoulesSaved() {
        return finished.values().stream()
                .map(t -> t.outcome().pruning())
                .filter(p -> p != null)
                .mapToDouble(Trial.Pruning::joulesSaved)
                .sum();
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
    public synchronized double trialJoules() {
        return storedTrialJoules + ownStoredJoules;
    }

    @Override
    public double kgCo2eSpent() {
        return settings.carbon()
                .kgCo2e(previous.overheadJoules()
                        + storedTrialJoules
                        + session(null).overheadJoules()
                        + ownStoredJoules);
    }

    @Override
    public List<Double> hypervolumes() {
        return List.copyOf(hypervolumes);
    }

    /**
     * This session's footprint so far. Its overhead is all it spent but its own trials: the
     * scheduling process, the workers' set-up (what they metered beyond their trials) less the
     * parts a shared device's meter counts, and the shared devices' energy that no trial used.
     */
    synchronized SessionFootprint session(String stopReason) {
        EnergyReading main = mainWindow.read();
        double workers = workerJoules.getAsDouble();
        double sharedSetUp = 0;
        for (TrialEngine.SetUp s : setUps.get()) {
            for (EnergyPart p : s.parts()) {
                if (shared.countsPart(s.device(), p.meter())) {
                    sharedSetUp += p.joules();
                }
            }
        }
        return new SessionFootprint(
                main.seconds(),
                (processCpuNanos() - mainCpuStart) / 1e9,
                main.joules(),
                workers,
                main.joules() + workers - ownMeteredJoules - sharedSetUp + shared.overheadJoules(),
                stopReason);
    }

    /**
     * This session's footprint: its own trials' energy as stored (each its share of a shared
     * device) and its overhead. Not the workers' readings summed, which count a shared device once
     * per worker.
     */
    synchronized double sessionJoules(SessionFootprint session) {
        return ownStoredJoules + session.overheadJoules();
    }

    /**
     * The whole study's footprint, all sessions: every stored finished trial as a candidate charge,
     * and every session's overhead (scheduling, the workers' set-up), killed sessions included.
     *
     * @param meter the workers' meter, named on every charge
     * @param stored the study's finished trials as stored
     * @param now this session's footprint as stored last
     */
    FootprintSummary footprint(String meter, boolean estimated, List<TrialRow> stored, SessionFootprint now) {
        List<CandidateCharge> charges = new ArrayList<>();
        double trialJoules = 0;
        for (TrialRow t : stored) {
            double joules = t.outcome().totalJoules();
            EnergyReading r =
                    new EnergyReading(joules, t.wallSeconds(), meter, estimated, "the trial's energy as stored");
            charges.add(new CandidateCharge(
                    t.number(),
                    t.outcome().status().name(),
                    r,
                    settings.carbon().kgCo2e(joules)));
            trialJoules += joules;
        }
        double joules = trialJoules + previous.overheadJoules() + now.overheadJoules();
        EnergyReading total = new EnergyReading(
                joules,
                previous.wallSeconds() + now.wallSeconds(),
                meter + " (workers), cpu-time (scheduling)",
                estimated,
                "every stored trial's energy plus every session's overhead (set-up, scheduling), all runs of the study");
        return new FootprintSummary(total, settings.carbon().kgCo2e(total.joules()), charges, settings.carbon());
    }

    /** CPU time of this process since the JVM started, all its threads (JIT compiler and GC included). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
