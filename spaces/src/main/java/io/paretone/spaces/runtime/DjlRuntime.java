package io.paretone.spaces.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.paretone.spaces.check.InvalidValueException;
import java.util.Locale;

/**
 * The one place where paretone talks to DJL's engine set-up.
 *
 * <p>paretone ships PyTorch's native libraries and its JNI bridge as Maven jars, so DJL never needs
 * the network. {@link #engine()} turns on DJL's offline mode and its tracking opt-out before the
 * engine loads, so that a user never has to set either; a value the user set explicitly wins.
 */
public final class DjlRuntime {
    private static volatile Engine engine;

    private DjlRuntime() {}

    /** The PyTorch engine, configured for offline use; loads it on first call. */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (DjlRuntime.class) {
                if (engine == null) {
                    keepUserValueOr("ai.djl.offline", "true");
                    keepUserValueOr("OPT_OUT_TRACKING", "true");
                    keepUserValueOr("ai.djl.default_engine", "PyTorch");
                    engine = Engine.getEngine("PyTorch");
                }
                e = engine;
            }
        }
        return e;
    }

    /**
     * Resolves a device name: {@code auto} (a GPU if DJL sees one, else the CPU), {@code cpu}, or
     * {@code gpu} / {@code gpu:N}.
     */
    public static Device device(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        Engine e = engine();
        if (n.equals("auto")) {
            return e.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu") || n.startsWith("gpu:")) {
            int id = 0;
            if (n.startsWith("gpu:")) {
                try {
                    id = Integer.parseInt(n.substring(4));
                } catch (NumberFormatException ex) {
                    throw new InvalidValueException("device", name, "write gpu:N with N a GPU index");
                }
            }
            if (id < 0 || id >= e.getGpuCount()) {
                throw new InvalidValueException(
                        "device",
                        name,
                        "DJL sees " + e.getGpuCount() + " GPU(s) here; use --device cpu or auto");
            }
            return Device.gpu(id);
        }
        throw new InvalidValueException("device", name, "use auto, cpu, gpu or gpu:N");
    }

    private static void keepUserValueOr(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
