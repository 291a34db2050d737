package io.paretone.search.testing;

import io.paretone.search.worker.WorkerMain;

/** A worker whose candidates misbehave per {@link FaultyArchitectures}; protocol and evaluation are the real ones. */
public final class FaultyWorkerMain {
    private FaultyWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerMain.serve(FaultyArchitectures::decode);
        System.exit(0);
    }
}
