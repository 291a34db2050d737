package io.paretone.search;

import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergyReading;
import io.paretone.search.nsga.SearchLedger;
import io.paretone.search.pareto.Hypervolume;
import io.paretone.search.pareto.ParetoFront;
import io.paretone.search.store.HypervolumePoint;
import io.paretone.search.store.SessionFootprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * The running account of a study in this process: the finished trials it has seen (its own, those
 * of earlier sessions as the replay meets them, those of other processes), the hypervolume after
 * each generation, and the time and energy spent, earlier sessions included.
 */
final class StudyLedger implements SearchLedger {
    private final StudySettings settings;
    private final List<String> objectives;
    private final Hypervolume hypervolume;
    private final SessionFootprint previous;
    private final EnergyMeter.Window mainWindow;
    private final double wattsPerCore;
    private final Map<Integer, Trial> finished = new TreeMap<>();
    private final Map<Integer, Double> trialJoules = new LinkedHashMap<>();
    private final List<Double> hypervolumes = new ArrayList<>();
    private DoubleSupplier workerJoules = () -> 0;
    private int generations;

    /**
     * @param mainWindow measures this process; read repeatedly, which the CPU-time meter allows
     * @param previous what earlier sessions of the study spent
     */
    StudyLedger(StudySettings settings, List<String> objectives, Hypervolume hypervolume, SessionFootprint previous,
            EnergyMeter.Window mainWindow) {
        this.settings = settings;
        this.objectives = objectives;
        this.hypervolume = hypervolume;
        this.previous = previous;
        this.mainWindow = mainWindow;
        this.wattsPerCore = settings.wattsPerCore();
    }

    void workers(DoubleSupplier joules) {
        this.workerJoules = joules;
    }

    /** Records a finished trial (again, harmlessly, when a replay meets it). */
    void record(Trial trial, double totalJoules) {
        finished.put(trial.number(), trial);
        trialJoules.put(trial.number(), totalJoules);
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
        return previous.wallSeconds() + mainWindow.stop().seconds();
    }

    @Override
    public double kgCo2eSpent() {
        return settings.carbon().kgCo2e(previous.joules() + mainWindow.stop().joules() + workerJoules.getAsDouble());
    }

    @Override
    public List<Double> hypervolumes() {
        return List.copyOf(hypervolumes);
    }

    /** The study's footprint so far: earlier sessions and this one. */
    SessionFootprint wholeStudy() {
        SessionFootprint now = session(null);
        return new SessionFootprint(previous.wallSeconds() + now.wallSeconds(), previous.mainCpuSeconds() + now.mainCpuSeconds(),
                previous.mainJoules() + now.mainJoules(), previous.workerJoules() + now.workerJoules(), null);
    }

    /** This session's footprint so far. */
    SessionFootprint session(String stopReason) {
        EnergyReading main = mainWindow.stop();
        return new SessionFootprint(main.seconds(), main.joules() / wattsPerCore, main.joules(),
                workerJoules.getAsDouble(), stopReason);
    }
}
