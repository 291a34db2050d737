package io.paretone.spaces.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The one place where paretone talks to DJL's engine set-up.
 *
 * <p>paretone ships PyTorch's CPU libraries and its JNI bridge as Maven jars, so DJL never needs
 * the network: the engine loads with DJL's offline mode and tracking opt-out on (a value the user
 * set explicitly wins). Which PyTorch DJL loads follows a {@link NativeRoute}, decided when the
 * engine first loads: the user's own ({@code PYTORCH_LIBRARY_PATH}), DJL's CUDA build downloaded on
 * first use (when downloads are {@link #allowDownloads() allowed} and a GPU is asked for), or the
 * bundled CPU build. Worker JVMs inherit the environment and the {@code paretone.} system
 * properties, so they take the same route.
 */
public final class DjlRuntime {
    /** Set to {@code true} by {@code --allow-download}; worker JVMs receive it with the other {@code paretone.} properties. */
    public static final String ALLOW_DOWNLOAD_PROPERTY = "paretone.djl.allowDownload";

    /** What to do when no GPU can be had, in one sentence: the routes of the README's "GPU" section. */
    public static final String GPU_ROUTES = "for a GPU, add --allow-download (DJL's CUDA build of PyTorch "
            + NativeRoute.PINNED_PYTORCH + ", downloaded once) or set PYTORCH_LIBRARY_PATH to your PyTorch's lib folder"
            + " (scripts/build-djl-jni builds DJL's bridge for another version); 'paretone doctor' says what this"
            + " machine has (README, section GPU)";

    /**
     * DJL's switch for cuDNN's autotuner ({@code torch.backends.cudnn.benchmark}), read once when
     * the engine loads. paretone turns it on unless the user set it: a candidate trains thousands of
     * steps on one input shape, so cuDNN times its algorithms once per shape and keeps the fastest
     * (measured: docs/benchmarks.md, "Training speed against PyTorch").
     * {@code -Dai.djl.pytorch.cudnn_benchmark=false} turns it off
     * (worker JVMs receive {@code ai.djl.} properties); it has no effect on a CPU.
     */
    public static final String CUDNN_BENCHMARK_PROPERTY = "ai.djl.pytorch.cudnn_benchmark";

    /** The resource by which DJL finds a bundled {@code pytorch-native-*} jar. */
    private static final String BUNDLED_NATIVE_PROPERTIES = "native/lib/pytorch.properties";

    private static volatile Engine engine;

    /**
     * Whether this thread's gradient recording was switched off. PyTorch's grad mode is per thread
     * and on by default in every thread but the one that loaded the engine (DJL switches it off
     * there), and a closing gradient collector restores it to what it was: so generation, scoring
     * and every other forward pass outside a training step, on a worker's or Spark's thread, would
     * record an autograd graph (a WaveNet's cached generation chains one through all its samples).
     */
    private static final ThreadLocal<Boolean> RECORDING_OFF = ThreadLocal.withInitial(() -> false);

    private static volatile NativeLibrary library;

    private DjlRuntime() {}

    /** Lets DJL download its CUDA build of PyTorch when a GPU is asked for: the CLI's {@code --allow-download}. */
    public static void allowDownloads() {
        System.setProperty(ALLOW_DOWNLOAD_PROPERTY, "true");
    }

    /** Whether downloads were allowed, in this JVM or the one that started it. */
    public static boolean downloadsAllowed() {
        return Boolean.parseBoolean(System.getProperty(ALLOW_DOWNLOAD_PROPERTY));
    }

    /** Whether cuDNN's autotuner is on for the engine this JVM loads (see {@link #CUDNN_BENCHMARK_PROPERTY}). */
    public static boolean cudnnBenchmark() {
        engine();
        return Boolean.getBoolean(CUDNN_BENCHMARK_PROPERTY);
    }

    /** The route the engine would take for this device request, before it loads. */
    public static NativeRoute route(boolean gpuRequested) {
        return NativeRoute.choose(gpuRequested, downloadsAllowed(), setting("PYTORCH_LIBRARY_PATH"));
    }

    /**
     * The PyTorch engine, configured for offline use; loads it on first call, for no particular
     * device (the bundled CPU build unless {@code PYTORCH_LIBRARY_PATH} is set).
     *
     * @throws InvalidValueException if PyTorch cannot be loaded by its route, saying what to do
     */
    public static Engine engine() {
        return engine(false);
    }

    /** The PyTorch that DJL loaded (loading it for no particular device if not yet). */
    public static NativeLibrary library() {
        engine();
        return library;
    }

    private static Engine engine(boolean gpuRequested) {
        Engine e = engine;
        if (e == null) {
            synchronized (DjlRuntime.class) {
                if (engine == null) {
                    engine = load(route(gpuRequested));
                }
                e = engine;
            }
        }
        if (!RECORDING_OFF.get()) {
            // The first use on this thread, before any gradient collector of paretone's: collectors
            // switch recording on for a training step and back off when they close.
            JniUtils.setGradMode(false);
            RECORDING_OFF.set(true);
        }
        return e;
    }

    private static Engine load(NativeRoute route) {
        if (route == NativeRoute.DJL_DOWNLOAD) {
            // The user asked for the download: that wins over the offline mode paretone set in a parent JVM.
            System.setProperty("ai.djl.offline", "false");
            keepUserValueOr("PYTORCH_FLAVOR", NativeRoute.DOWNLOAD_FLAVOUR);
        } else {
            keepUserValueOr("ai.djl.offline", "true");
        }
        keepUserValueOr("OPT_OUT_TRACKING", "true");
        keepUserValueOr("ai.djl.default_engine", "PyTorch");
        keepUserValueOr(CUDNN_BENCHMARK_PROPERTY, "true");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (route == NativeRoute.DJL_DOWNLOAD) {
            thread.setContextClassLoader(
                    new WithoutBundledNatives(previous != null ? previous : DjlRuntime.class.getClassLoader()));
        }
        try {
            Engine loaded = Engine.getEngine("PyTorch");
            Path folder = Path.of(LibUtils.getLibtorchPath());
            library = new NativeLibrary(
                    route,
                    loaded.getVersion(),
                    NativeLibrary.flavourOf(folder, route, setting("PYTORCH_FLAVOR")),
                    folder);
            return loaded;
        } catch (RuntimeException | UnsatisfiedLinkError x) {
            throw new InvalidValueException(
                    "PyTorch",
                    route.description(),
                    "DJL could not load it (" + rootMessage(x)
                            + "); 'paretone doctor' says what this machine has, and the README's section GPU what to do");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The CUDA index a device name asks for ({@code gpu} and {@code auto}: 0, {@code gpu:N}: N), or
     * -1 for the CPU. {@code auto} trains on GPU 0 where one is seen.
     */
    public static int cudaIndex(String device) {
        String d = device.trim().toLowerCase(Locale.ROOT);
        if (d.equals("gpu") || d.equals("auto")) {
            return 0;
        }
        return d.startsWith("gpu:") ? Integer.parseInt(d.substring(4)) : -1;
    }

    /**
     * Resolves a device name: {@code auto} (a GPU if DJL sees one, else the CPU), {@code cpu}, or
     * {@code gpu} / {@code gpu:N}; asking for a GPU first loads the engine by the GPU route.
     *
     * @throws InvalidValueException for a GPU that DJL does not see, naming the routes to one
     */
    public static Device device(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        boolean gpu = n.equals("gpu") || n.startsWith("gpu:");
        Engine e = engine(gpu);
        if (n.equals("auto")) {
            return e.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (gpu) {
            int id = 0;
            if (n.startsWith("gpu:")) {
                try {
                    id = Integer.parseInt(n.substring(4));
                } catch (NumberFormatException ex) {
                    throw new InvalidValueException("device", name, "write gpu:N with N a GPU index");
                }
            }
            int count = e.getGpuCount();
            if (count == 0) {
                throw new InvalidValueException(
                        "device",
                        name,
                        "DJL sees no GPU with " + library.describe() + "; "
                                + (library.cuda()
                                        ? "check that the NVIDIA driver sees one (nvidia-smi) and run 'paretone doctor'"
                                        : GPU_ROUTES)
                                + "; or use --device cpu");
            }
            if (id < 0 || id >= count) {
                throw new InvalidValueException(
                        "device",
                        name,
                        "DJL sees " + count + " GPU(s) here, gpu:0" + (count > 1 ? " to gpu:" + (count - 1) : "")
                                + "; use one of them, or --device gpu");
            }
            return Device.gpu(id);
        }
        throw new InvalidValueException("device", name, "use auto, cpu, gpu or gpu:N");
    }

    private static String setting(String key) {
        String v = System.getenv(key);
        return v != null ? v : System.getProperty(key);
    }

    private static void keepUserValueOr(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String rootMessage(Throwable x) {
        Throwable t = x;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == x ? String.valueOf(x.getMessage()) : x.getMessage() + ": " + t.getMessage();
    }

    /**
     * Hides the bundled CPU jar's platform file from DJL while the engine loads on the download
     * route: DJL's platform detection accepts a CPU build on a GPU machine, so it would never
     * download the CUDA one. Classes and every other resource come from the parent as usual.
     */
    private static final class WithoutBundledNatives extends ClassLoader {
        WithoutBundledNatives(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return BUNDLED_NATIVE_PROPERTIES.equals(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return BUNDLED_NATIVE_PROPERTIES.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
