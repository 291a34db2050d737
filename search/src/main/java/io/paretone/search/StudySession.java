package io.paretone.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretone.search.pareto.ObjectiveBounds;
import io.paretone.search.store.NewStudy;
import io.paretone.search.store.OwnerLiveness;
import io.paretone.search.store.SessionFootprint;
import io.paretone.search.store.StudyRecord;
import io.paretone.search.store.StudyState;
import io.paretone.search.store.TrialRow;
import io.paretone.search.store.TrialStore;
import io.paretone.search.trial.SearchJson;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of a study in the trial store, from its start to its end: it opens (or resumes) the
 * study, marks it RUNNING, takes back trials a dead process left RUNNING, and records the session;
 * {@link #end} stores how it ended and hands this session's unfinished trials back to the queue.
 */
final class StudySession {
    final TrialStore store;
    final StudyRecord study;
    final String name;
    /** Whether the study was in the store before this session. */
    final boolean resumed;
    /** This process, as the owner of the trials it claims. */
    final String owner;

    final OwnerLiveness liveness;
    /** The session's row in the store. */
    final long id;

    private StudySession(
            TrialStore store, StudyRecord study, boolean resumed, String owner, OwnerLiveness liveness, long id) {
        this.store = store;
        this.study = study;
        this.name = study.name();
        this.resumed = resumed;
        this.owner = owner;
        this.liveness = liveness;
        this.id = id;
    }

    /**
     * Opens the study the settings name (a new name stamped with the time when they name none),
     * after checking that a stored study of that name has the same identity.
     *
     * @param identity what defines the study ({@link StudyIdentity})
     * @param launchJson how the study was launched, stored so that it can be resumed by name; may be null
     */
    static StudySession open(
            TrialStore store,
            StudySettings settings,
            ObjectNode identity,
            ObjectiveBounds bounds,
            String launchJson,
            SearchProgress progress) {
        String name = settings.study() != null
                ? settings.study()
                : settings.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Optional<StudyRecord> existing = store.findStudy(name);
        existing.ifPresent(s -> StudyIdentity.checkSame(s, identity));
        StudyRecord study = store.openStudy(new NewStudy(
                name,
                settings.algorithm(),
                String.join(",", settings.families()),
                settings.seed(),
                Study.objectiveNames(settings),
                SearchJson.write(bounds),
                SearchJson.write(identity),
                launchJson));
        store.setState(study.id(), StudyState.RUNNING, null);
        String owner = OwnerLiveness.newSession();
        OwnerLiveness liveness = new OwnerLiveness(OwnerLiveness.LEASE);
        int requeued = store.requeueAbandoned(study.id(), liveness);
        long id = store.startSession(study.id(), owner, settings.workers().count());
        StudySession session = new StudySession(store, study, existing.isPresent(), owner, liveness, id);
        if (session.resumed) {
            progress.resumed(name, session.finishedTrials().size(), requeued);
        }
        return session;
    }

    /** The study's trials in the store, every session's. */
    List<TrialRow> trials() {
        return store.trials(study.id());
    }

    /** The study's trials in a final state. */
    List<TrialRow> finishedTrials() {
        return trials().stream().filter(t -> t.outcome().status().finished()).toList();
    }

    /** Stores the session's footprint so far, so that a killed session still counts. */
    void storeFootprint(SessionFootprint footprint) {
        store.updateSession(id, footprint);
    }

    /**
     * Ends the session: this process stops owning trials, its unfinished ones go back to the queue
     * for the next run, and the study is STOPPED (with the reason) or, after an error, FAILED.
     *
     * @param footprint the session's footprint, read once the trials are handed back
     * @return that footprint, as stored
     */
    SessionFootprint end(boolean completed, String stopReason, Supplier<SessionFootprint> footprint) {
        OwnerLiveness.release(owner);
        store.requeueAbandoned(study.id(), liveness);
        SessionFootprint last = footprint.get();
        store.updateSession(id, last);
        store.setState(
                study.id(),
                completed ? StudyState.STOPPED : StudyState.FAILED,
                completed ? stopReason : "the session failed");
        return last;
    }
}
