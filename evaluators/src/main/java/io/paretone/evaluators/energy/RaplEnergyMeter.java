package io.paretone.evaluators.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CPU packages' energy counters through Linux's powercap interface (RAPL): the
 * {@code energy_uj} file of every top-level zone {@code intel-rapl:N} whose name starts with
 * "package". AMD Zen CPUs appear in the same tree (Linux 5.8 and later expose their RAPL counters
 * as {@code intel-rapl}). Subzones (cores, uncore, DRAM) are inside their package's figure or
 * metered separately, and {@code psys} overlaps the packages, so neither is added.
 *
 * <p>The counters are machine-wide: they include every process on the package, not only this one.
 * Each wraps to zero at {@code max_energy_range_uj} (about 262 kJ, minutes at full load), so a
 * window handles wrap-around and samples every {@value #SAMPLE_SECONDS} s in the background, far
 * more often than a counter can wrap twice.
 *
 * <p>Since Linux 5.10 (CVE-2020-8694) {@code energy_uj} is readable by root only; the meter then
 * reports itself unavailable with that reason, logged once, and the selection falls back to the
 * CPU-time estimate.
 */
public final class RaplEnergyMeter implements EnergyMeter {
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/powercap");
    static final long SAMPLE_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RaplEnergyMeter.class);
    private static final Pattern TOP_LEVEL_ZONE = Pattern.compile("intel-rapl:\\d+");
    private static final ScheduledExecutorService SAMPLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paretone-rapl-sampler");
        t.setDaemon(true);
        return t;
    });

    /** Reads a sysfs file; files are read through it so tests can refuse access as the kernel does. */
    @FunctionalInterface
    interface SysfsReader {
        String read(Path file) throws IOException;
    }

    private record Zone(Path dir, String name, long maxRangeMicrojoules, double powerLimitWatts) {}

    private final Path root;
    private final SysfsReader reader;
    private MeterAvailability availability;
    private List<Zone> zones = List.of();

    public RaplEnergyMeter() {
        this(DEFAULT_ROOT);
    }

    /** @param root the powercap folder, {@code /sys/class/powercap} on Linux; another for tests */
    public RaplEnergyMeter(Path root) {
        this(root, Files::readString);
    }

    RaplEnergyMeter(Path root, SysfsReader reader) {
        this.root = root;
        this.reader = reader;
    }

    @Override
    public String name() {
        return "rapl";
    }

    /** Finds the package zones and reads each counter once; the answer is kept, and logged once. */
    @Override
    public synchronized MeterAvailability availability() {
        if (availability == null) {
            availability = discover();
            if (availability.available()) {
                LOG.info("RAPL: {}", availability.reason());
            } else {
                LOG.info("RAPL not used: {}", availability.reason());
            }
        }
        return availability;
    }

    private MeterAvailability discover() {
        if (!Files.isDirectory(root)) {
            return MeterAvailability.no("there is no " + root + " (not Linux, or a VM or container that hides the"
                    + " powercap interface)");
        }
        List<Zone> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (!TOP_LEVEL_ZONE.matcher(dir.getFileName().toString()).matches()) {
                    continue;
                }
                String name = readText(dir.resolve("name"));
                if (!name.startsWith("package")) {
                    continue;
                }
                readCounter(dir);
                found.add(new Zone(
                        dir, name, Long.parseLong(readText(dir.resolve("max_energy_range_uj"))), powerLimit(dir)));
            }
        } catch (AccessDeniedException e) {
            return MeterAvailability.no("cannot read " + e.getFile() + ": permission denied (since Linux 5.10 the"
                    + " RAPL counters are readable by root only); run as root or make them readable with"
                    + " 'sudo chmod a+r " + root + "/intel-rapl:*/energy_uj', or use the estimate");
        } catch (IOException | RuntimeException e) {
            return MeterAvailability.no("cannot read the RAPL counters under " + root + ": " + e);
        }
        if (found.isEmpty()) {
            return MeterAvailability.no("no RAPL package zone under " + root + " (a CPU or kernel without RAPL)");
        }
        found.sort(Comparator.comparing(z -> z.dir().getFileName().toString()));
        zones = List.copyOf(found);
        return MeterAvailability.yes(found.size() + " RAPL package counter(s) under " + root + ": "
                + found.stream().map(Zone::name).collect(Collectors.joining(", ")));
    }

    @Override
    public Window start() {
        if (!availability().available()) {
            throw new IllegalStateException(
                    "RAPL is not available: " + availability().reason());
        }
        RaplWindow window = new RaplWindow(zones);
        window.sampler =
                SAMPLER.scheduleAtFixedRate(window::sampleQuietly, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
        return window;
    }

    /** Accumulates every zone's counter from the window's start, across wrap-arounds. */
    private final class RaplWindow extends ClosableWindow {
        private final List<Zone> zones;
        private final long[] last;
        private final long[] accumulated;
        private final long start = System.nanoTime();
        private ScheduledFuture<?> sampler;

        RaplWindow(List<Zone> zones) {
            this.zones = zones;
            this.last = new long[zones.size()];
            this.accumulated = new long[zones.size()];
            for (int i = 0; i < zones.size(); i++) {
                last[i] = counterOf(zones.get(i));
            }
        }

        synchronized void sample() {
            for (int i = 0; i < zones.size(); i++) {
                long now = counterOf(zones.get(i));
                accumulated[i] += increase(last[i], now, zones.get(i).maxRangeMicrojoules());
                last[i] = now;
            }
        }

        void sampleQuietly() {
            try {
                sample();
            } catch (RuntimeException e) {
                LOG.warn("RAPL background sample failed; the next read will try again", e);
            }
        }

        @Override
        protected EnergyReading measure() {
            sample();
            long total = 0;
            for (long a : accumulated) {
                total += a;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<MeteredDevice> devices = zones.stream()
                    .map(z -> new MeteredDevice("cpu", "RAPL " + z.name(), z.powerLimitWatts(), null))
                    .toList();
            return new EnergyReading(
                    total / 1e6,
                    seconds,
                    name(),
                    false,
                    String.format(
                            Locale.ROOT,
                            "RAPL energy counters of %s (machine-wide, all processes)",
                            zones.stream().map(Zone::name).collect(Collectors.joining(", "))),
                    devices,
                    List.of());
        }

        @Override
        protected void release() {
            if (sampler != null) {
                sampler.cancel(false);
            }
        }
    }

    /** Increase of a counter from {@code before} to {@code now} that wraps to 0 after {@code maxRange}. */
    static long increase(long before, long now, long maxRange) {
        return now >= before ? now - before : maxRange - before + now;
    }

    private long counterOf(Zone zone) {
        try {
            return readCounter(zone.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read the RAPL counter of " + zone.name() + " in " + zone.dir(), e);
        }
    }

    private long readCounter(Path zoneDir) throws IOException {
        return Long.parseLong(readText(zoneDir.resolve("energy_uj")));
    }

    private double powerLimit(Path zoneDir) {
        try {
            return Long.parseLong(readText(zoneDir.resolve("constraint_0_power_limit_uw"))) / 1e6;
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // Optional in sysfs: a zone without a limit file simply has no known limit.
        }
    }

    private String readText(Path file) throws IOException {
        return reader.read(file).trim();
    }
}
