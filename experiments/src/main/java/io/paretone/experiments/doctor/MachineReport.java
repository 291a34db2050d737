package io.paretone.experiments.doctor;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import io.paretone.evaluators.data.ExecutableLookup;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.DjlDeviceSync;
import io.paretone.evaluators.energy.EnergySettings;
import io.paretone.evaluators.energy.GpuPowerSource;
import io.paretone.evaluators.energy.MeterAvailability;
import io.paretone.evaluators.energy.MeterSelection;
import io.paretone.evaluators.energy.MeterSources;
import io.paretone.evaluators.energy.NvmlGpus;
import io.paretone.experiments.report.plots.StudyPlots;
import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.runtime.NativeLibrary;
import io.paretone.spaces.runtime.NativeRoute;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What this machine gives paretone, for {@code paretone doctor}: Java, DJL and the PyTorch it
 * loaded (version, flavour, folder, route), the GPUs DJL and NVML see, RAPL, the meter that
 * {@code --meter auto} would pick, fonts for plots and Chromium for {@code scripts/check-report},
 * each with what to do when it is missing.
 */
public final class MachineReport {
    /** The programs {@code scripts/check-report} tries, in its order, after {@code $CHROMIUM}. */
    static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private MachineReport() {}

    /**
     * @param device the device to load the engine for and to meter ({@code auto}, {@code cpu},
     *     {@code gpu}, {@code gpu:N}): asking for a GPU takes the GPU route
     */
    public static List<Finding> of(String device, ExecutableLookup programs) {
        List<Finding> out = new ArrayList<>();
        out.add(Finding.fine(
                "Java",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") in "
                        + System.getProperty("java.home")));
        out.add(Finding.fine(
                "DJL",
                Engine.getDjlVersion() + ", cache " + Utils.getEngineCacheDir("pytorch")
                        + ", offline mode "
                        + (DjlRuntime.route(isGpu(device)) == NativeRoute.DJL_DOWNLOAD
                                ? "off (downloads" + " allowed)"
                                : "on")));
        Device resolved = null;
        String deviceProblem = null;
        try {
            resolved = DjlRuntime.device(device);
        } catch (InvalidValueException e) {
            deviceProblem = e.getMessage();
        }
        Engine engine = null;
        NativeLibrary library = null;
        try {
            engine = DjlRuntime.engine();
            library = DjlRuntime.library();
        } catch (InvalidValueException e) {
            out.add(new Finding("PyTorch", "not loaded", e.getMessage()));
        }
        if (library != null) {
            out.add(Finding.fine(
                    "PyTorch",
                    engine.getEngineName() + " engine, PyTorch " + engine.getVersion() + " (" + library.flavour()
                            + ") in " + library.folder()));
            out.add(new Finding(
                    "Route",
                    library.route().description() + environment(),
                    library.route() == NativeRoute.BUNDLED_CPU ? DjlRuntime.GPU_ROUTES : null));
            out.add(new Finding(
                    "Device",
                    resolved != null ? device + " is " + resolved : device + " not available",
                    deviceProblem));
            out.add(Finding.fine("GPUs (DJL)", Integer.toString(engine.getGpuCount())));
        }
        NvmlGpus.Result nvml = NvmlGpus.open();
        if (nvml.ok()) {
            out.add(Finding.fine(
                    "NVML",
                    "driver " + nvml.driverVersion() + ", " + nvml.gpus().size() + " GPU(s)"));
            for (GpuPowerSource g : nvml.gpus()) {
                out.add(Finding.fine("  GPU " + g.index(), describe(g)));
            }
        } else {
            out.add(new Finding("NVML", "not readable", nvml.failure()));
        }
        MeterSources sources = MeterSources.local(resolved != null ? DjlDeviceSync.of(resolved) : DeviceSync.NONE);
        MeterAvailability rapl = sources.rapl().availability();
        out.add(
                rapl.available()
                        ? Finding.fine("RAPL", rapl.reason())
                        : new Finding(
                                "RAPL",
                                "not readable",
                                rapl.reason()
                                        + "; CPU energy is then estimated from CPU time x TDP (docs/measurement.md, Energy and carbon)"));
        Device metered = resolved != null ? resolved : Device.cpu();
        try {
            out.add(Finding.fine(
                    "Meter",
                    "--meter auto on " + metered + ": "
                            + MeterSelection.choose(EnergySettings.defaults(), metered, sources)
                                    .describe()));
        } catch (InvalidValueException e) {
            out.add(new Finding("Meter", "--meter auto on " + metered + " cannot be used", e.getMessage()));
        }
        out.add(fonts());
        out.add(chromium(programs));
        return out;
    }

    private static boolean isGpu(String device) {
        String d = device == null ? "" : device.trim().toLowerCase(Locale.ROOT);
        return d.equals("gpu") || d.startsWith("gpu:");
    }

    private static String environment() {
        StringBuilder s = new StringBuilder();
        for (String key : List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR")) {
            String v = System.getenv(key) != null ? System.getenv(key) : System.getProperty(key);
            if (v != null) {
                s.append(s.length() == 0 ? " (" : ", ").append(key).append('=').append(v);
            }
        }
        return s.length() == 0 ? "" : s.append(')').toString();
    }

    private static String describe(GpuPowerSource g) {
        return g.name() + ", memory "
                + (g.memoryBytes() <= 0
                        ? "unknown"
                        : String.format(Locale.ROOT, "%.0f GiB", g.memoryBytes() / (1024.0 * 1024 * 1024)))
                + ", power limit "
                + (Double.isNaN(g.powerLimitWatts())
                        ? "unknown"
                        : String.format(Locale.ROOT, "%.0f W", g.powerLimitWatts()))
                + ", energy counter " + (g.hasEnergyCounter() ? "yes" : "no (power polled instead)");
    }

    /** Whether Java2D can draw text here, which plots and the digits-rendered dataset need. */
    static Finding fonts() {
        try {
            String[] families =
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.drawString("0123", 2, 15);
            g.dispose();
            return Finding.fine("Fonts", families.length + " font families; Java draws text");
        } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
            return new Finding(
                    "Fonts",
                    "Java cannot draw text (" + e + ")",
                    StudyPlots.NO_TEXT_HINT
                            + "; without, PNG plots are skipped (the report's charts still work) and the digits-rendered"
                            + " dataset cannot be drawn");
        }
    }

    static Finding chromium(ExecutableLookup programs) {
        String given = System.getenv("CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Finding.fine("Chromium", given + " (from CHROMIUM)");
        }
        for (String name : CHROMIUM_NAMES) {
            Optional<Path> found = programs.find(name);
            if (found.isPresent()) {
                return Finding.fine("Chromium", found.get().toString());
            }
        }
        return new Finding(
                "Chromium",
                "not found",
                "scripts/check-report needs it to check a report in a browser:"
                        + " apt-get install chromium, or set CHROMIUM=/path/to/chrome");
    }
}
