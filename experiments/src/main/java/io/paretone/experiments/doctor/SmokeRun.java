package io.paretone.experiments.doctor;

import ai.djl.Device;
import io.paretone.evaluators.data.DataSplits;
import io.paretone.evaluators.energy.DjlDeviceSync;
import io.paretone.evaluators.energy.EnergyMeter;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.spaces.Domain;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.runtime.DjlRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code paretone doctor --smoke}: every family of the chosen domains, one {@link FamilySmoke} each
 * on the device, metered as {@code --meter auto} would meter a study there; one line per family.
 */
public final class SmokeRun {
    private SmokeRun() {}

    /**
     * @param device as for a study; a GPU that DJL does not see is an error naming the routes to one
     * @param cacheDir where the audio notes are rendered
     * @return whether every family passed
     * @throws io.paretone.spaces.check.InvalidValueException for a device that cannot be had
     * @throws IOException if the smoke data cannot be written
     */
    public static boolean run(String device, List<Domain> domains, Path cacheDir, PrintWriter out) throws IOException {
        Device resolved = DjlRuntime.device(device);
        MeterSelection energy = MeterSelection.choose(
                EnergySettings.defaults(), resolved, MeterSources.local(DjlDeviceSync.of(resolved)));
        EnergyMeter meter = energy.meter();
        out.println("Smoke run on " + resolved + " with " + DjlRuntime.library().describe() + "; " + energy.describe());
        boolean allOk = true;
        for (Domain domain : domains) {
            DataSplits data = SmokeData.of(domain, cacheDir, 1);
            for (String family : ModelFamilies.names(domain)) {
                FamilySmoke.Result r = FamilySmoke.run(family, data, resolved, meter);
                out.println(r.line());
                out.flush();
                allOk &= r.ok();
            }
        }
        return allOk;
    }
}
