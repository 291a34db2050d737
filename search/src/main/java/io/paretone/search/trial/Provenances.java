package io.paretone.search.trial;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.paretone.evaluators.data.DataSplits;

/** Collects the versions and environment that every trial records. */
public final class Provenances {
    private Provenances() {}

    public static Provenance of(Device device, DataSplits data) {
        String version = Provenances.class.getPackage().getImplementationVersion();
        return new Provenance(
                0,
                device.toString(),
                data.datasetName(),
                data.contentHash(),
                version == null ? "dev" : version,
                Engine.getDjlVersion(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                hostName());
    }

    /** This machine's name as the network knows it, else as the OS does. */
    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }
}
