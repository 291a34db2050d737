package io.paretone.search.store;

import io.paretone.search.trial.TrialOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Where studies and their trials live, so that a search survives its process: every trial from
 * the moment it is proposed (QUEUED) through RUNNING to its final state, each generation's
 * population and the hypervolume history. Several processes may share one store; every change is
 * one transaction, and a trial moves from QUEUED to RUNNING only for the one process that claims
 * it, and to a final state only for the process that owns it.
 *
 * <p>Architectures are unique within a study: {@link #ask} returns the existing trial for an
 * architecture already proposed, so no architecture is ever trained twice.
 */
public interface TrialStore extends AutoCloseable {

    /** Creates a study, or returns the stored one of that name unchanged. */
    StudyRecord openStudy(NewStudy study);

    Optional<StudyRecord> findStudy(String name);

    /** Every study with its progress and footprint, oldest first. */
    List<StudyOverview> studies();

    /** Records the study's state (RUNNING, STOPPED, FINISHED) and why it stopped. */
    void setState(long studyId, StudyState state, String reason);

    /**
     * Proposes trials: each architecture not yet in the study becomes a QUEUED trial with the next
     * number; one already there is returned as stored, whatever its state.
     *
     * @return the stored trial for each request, in request order
     */
    List<TrialRow> ask(long studyId, List<TrialRequest> requests);

    /** Moves a QUEUED trial to RUNNING for {@code claim.owner()}; false if it was not QUEUED. */
    boolean claim(long trialId, Claim claim);

    /**
     * Records a trial's final state; false (and nothing written) unless the trial is RUNNING and
     * owned by {@code owner}, so a process whose trial was taken over cannot overwrite it.
     */
    boolean finish(long trialId, String owner, TrialOutcome result);

    /** Marks every RUNNING trial of {@code owner} as still alive. */
    void heartbeat(String owner);

    /**
     * Puts RUNNING trials whose owner is gone back to QUEUED, as after a {@code kill -9}.
     *
     * @return how many were re-queued
     */
    int requeueAbandoned(long studyId, OwnerLiveness liveness);

    List<TrialRow> trials(long studyId);

    Optional<TrialRow> trial(long trialId);

    /** Records which trials made up a generation ({@code role}: evaluated, survivors); replaces a replay's. */
    void recordPopulation(long studyId, int generation, String role, List<Integer> trialNumbers);

    /** The trial numbers recorded for a generation and role, in position order; empty if none. */
    List<Integer> population(long studyId, int generation, String role);

    /** Records the hypervolume after a generation; replaces a replay's. */
    void recordHypervolume(long studyId, HypervolumePoint point);

    List<HypervolumePoint> hypervolumes(long studyId);

    /** Starts a session: one process working on the study, with its own footprint. */
    long startSession(long studyId, String owner, int workers);

    void updateSession(long sessionId, SessionFootprint footprint);

    /** The sum over the study's sessions other than {@code exceptSession}. */
    SessionFootprint previousSessions(long studyId, long exceptSession);

    @Override
    void close();
}
