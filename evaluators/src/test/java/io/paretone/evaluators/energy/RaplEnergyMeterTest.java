package io.paretone.evaluators.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** RAPL against a fake powercap tree laid out as Linux lays out /sys/class/powercap. */
class RaplEnergyMeterTest extends EnergyMeterContract {
    private static final long MAX = 262_143_328_850L;

    @TempDir
    Path root;

    @BeforeEach
    void fakeTree() throws IOException {
        zone("intel-rapl:0", "package-0", 1_000);
        zone("intel-rapl:1", "package-1", 5_000);
        // Not added: a subzone inside package 0, psys (overlaps the packages), the MMIO duplicate.
        zone("intel-rapl:0:0", "core", 7_000);
        zone("intel-rapl:2", "psys", 9_000);
        zone("intel-rapl-mmio:0", "package-0", 11_000);
    }

    private void zone(String dir, String name, long energy) throws IOException {
        Path z = Files.createDirectories(root.resolve(dir));
        Files.writeString(z.resolve("name"), name + "\n");
        Files.writeString(z.resolve("max_energy_range_uj"), MAX + "\n");
        Files.writeString(z.resolve("constraint_0_power_limit_uw"), "280000000\n");
        set(dir, energy);
    }

    private void set(String dir, long microjoules) {
        try {
            Files.writeString(root.resolve(dir).resolve("energy_uj"), microjoules + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long get(String dir) {
        try {
            return Long.parseLong(
                    Files.readString(root.resolve(dir).resolve("energy_uj")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected EnergyMeter meter() {
        return new RaplEnergyMeter(root);
    }

    @Override
    protected boolean estimates() {
        return false;
    }

    /** Busy time, and both packages draw 1 J and 2 J more. */
    @Override
    protected void work() {
        super.work();
        set("intel-rapl:0", get("intel-rapl:0") + 1_000_000);
        set("intel-rapl:1", get("intel-rapl:1") + 2_000_000);
    }

    @Test
    void sumsThePackageCountersOnly() {
        RaplEnergyMeter meter = new RaplEnergyMeter(root);
        EnergyMeter.Window w = meter.start();
        set("intel-rapl:0", 1_000 + 1_500_000);
        set("intel-rapl:1", 5_000 + 2_500_000);
        set("intel-rapl:0:0", 99_000_000);
        set("intel-rapl:2", 99_000_000);
        set("intel-rapl-mmio:0", 99_000_000);
        EnergyReading r = w.stop();
        assertEquals(4.0, r.joules(), 1e-12);
        assertEquals(2, r.devices().size());
        assertEquals("RAPL package-0", r.devices().get(0).name());
        assertEquals(280.0, r.devices().get(0).powerLimitWatts(), 1e-9);
        assertTrue(
                meter.availability().reason().contains("package-0, package-1"),
                meter.availability().reason());
    }

    @Test
    void counterThatWrapsAroundIsCountedAcrossTheWrap() {
        set("intel-rapl:0", MAX - 1_000_000);
        EnergyMeter.Window w = new RaplEnergyMeter(root).start();
        set("intel-rapl:0", 500_000);
        // 1 J up to the wrap, 0.5 J after it; package 1 did nothing.
        assertEquals(1.5, w.stop().joules(), 1e-12);
    }

    @Test
    void severalWrapsInOneWindowAreCountedWhenSampledBetweenThem() {
        set("intel-rapl:0", MAX - 10);
        EnergyMeter.Window w = new RaplEnergyMeter(root).start();
        set("intel-rapl:0", 100);
        w.read();
        set("intel-rapl:0", MAX - 20);
        w.read();
        set("intel-rapl:0", 30);
        // 10 + 100, then MAX - 120, then 20 + 30 microjoules.
        assertEquals((10 + 100 + (MAX - 120) + 20 + 30) / 1e6, w.stop().joules(), 1e-9);
    }

    @Test
    void increaseAcrossAWrapAddsTheRangeLeftToTheNewValue() {
        assertEquals(5, RaplEnergyMeter.increase(10, 15, 100));
        assertEquals(15, RaplEnergyMeter.increase(90, 5, 100));
        assertEquals(0, RaplEnergyMeter.increase(42, 42, 100));
    }

    @Test
    void permissionDeniedMakesItUnavailableWithTheFixLoggedOnce() {
        Logger log = (Logger) LoggerFactory.getLogger(RaplEnergyMeter.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        try {
            RaplEnergyMeter meter = new RaplEnergyMeter(root, file -> {
                if (file.getFileName().toString().equals("energy_uj")) {
                    throw new AccessDeniedException(file.toString());
                }
                return Files.readString(file);
            });
            MeterAvailability a = meter.availability();
            meter.availability();
            meter.availability();
            assertFalse(a.available());
            assertTrue(
                    a.reason().contains("permission denied")
                            && a.reason().contains("chmod")
                            && a.reason().contains("energy_uj"),
                    a.reason());
            assertEquals(
                    1,
                    events.list.stream()
                            .filter(e -> e.getFormattedMessage().contains("permission denied"))
                            .count(),
                    events.list.toString());
        } finally {
            log.setLevel(level);
            log.detachAppender(events);
        }
    }

    @Test
    void unreadableCounterFileIsReportedAsTheKernelWouldRefuseIt() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their mode");
        Files.setPosixFilePermissions(
                root.resolve("intel-rapl:0").resolve("energy_uj"), PosixFilePermissions.fromString("---------"));
        MeterAvailability a = new RaplEnergyMeter(root).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("permission denied"), a.reason());
    }

    @Test
    void noPowercapTreeMeansUnavailableWithTheReason() {
        MeterAvailability a = new RaplEnergyMeter(root.resolve("missing")).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("there is no"), a.reason());
    }

    @Test
    void treeWithoutPackagesMeansUnavailable() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        MeterAvailability a = new RaplEnergyMeter(empty).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("no RAPL package zone"), a.reason());
    }
}
