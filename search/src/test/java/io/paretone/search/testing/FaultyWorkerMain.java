package io.paretone.search.testing;

import io.paretone.search.worker.WorkerMain;
import io.paretone.spaces.ModelFamilies;

/** A worker that also knows {@link FaultyFamily}; the protocol and evaluation are the real ones. */
public final class FaultyWorkerMain {
    private FaultyWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerMain.run(name -> name.equals(FaultyFamily.NAME) ? new FaultyFamily() : ModelFamilies.byName(name));
    }
}
