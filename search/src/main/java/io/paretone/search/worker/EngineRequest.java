package io.paretone.search.worker;

import java.util.List;

/**
 * What an engine needs to run a study's trials.
 *
 * @param engine the engine's name and cluster
 * @param study the study's name, for cluster job names
 * @param launch how a worker JVM is started from this process (its main class and heap apply
 *     everywhere; an engine on other machines finds the java binary and class path there)
 * @param setup the workers' first message; its data file is on this machine
 * @param devices one entry per slot: how many trials run at once, and on which device locally
 * @param trialTimeoutSeconds a trial running longer is stopped and FAILED
 * @param pruning whether the study prunes at checkpoints (needs the scheduler's verdict mid-trial)
 */
public record EngineRequest(
        EngineChoice engine,
        String study,
        WorkerLaunch launch,
        WorkerSetup setup,
        List<String> devices,
        double trialTimeoutSeconds,
        boolean pruning) {

    public EngineRequest {
        devices = List.copyOf(devices);
    }
}
