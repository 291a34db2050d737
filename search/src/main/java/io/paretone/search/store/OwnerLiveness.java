package io.paretone.search.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the processes that own RUNNING trials and tells whether they still live, so that a rerun
 * after {@code kill -9} re-queues exactly the trials nobody is training any more.
 *
 * <p>An owner is {@code host/pid/start-millis/session}. On this host a process is alive when a
 * process with that id and start time exists; within this JVM a session is alive while it is
 * registered. On another host only the heartbeat tells: an owner whose last heartbeat is older
 * than the lease is taken for dead.
 */
public final class OwnerLiveness {
    private static final String HOST = hostName();
    private static final ProcessHandle SELF = ProcessHandle.current();
    private static final long SELF_START = startMillis(SELF);
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    /**
     * How long a study's heartbeat vouches for its owner on another host: many times the scheduler's
     * heartbeat interval, so a busy process is never taken for dead.
     */
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final Duration lease;

    /** @param lease how long a heartbeat vouches for an owner on another host */
    public OwnerLiveness(Duration lease) {
        this.lease = lease;
    }

    /** A new owner name for a session of this process, registered as alive until {@link #release}. */
    public static String newSession() {
        String owner = HOST + "/" + SELF.pid() + "/" + SELF_START + "/" + SESSIONS.incrementAndGet();
        ACTIVE.add(owner);
        return owner;
    }

    /** Ends a session of this process: its RUNNING trials now count as abandoned. */
    public static void release(String owner) {
        ACTIVE.remove(owner);
    }

    public boolean isAlive(String owner, Instant heartbeat, Instant now) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 4) {
            return heartbeat != null && heartbeat.plus(lease).isAfter(now);
        }
        if (!parts[0].equals(HOST)) {
            return heartbeat != null && heartbeat.plus(lease).isAfter(now);
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(parts[1]);
            start = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == SELF.pid() && start == SELF_START) {
            return ACTIVE.contains(owner);
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        // Process ids are reused: the same id with another start time is another process.
        return p.isPresent() && p.get().isAlive() && Math.abs(startMillis(p.get()) - start) < 2000;
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                h = "localhost";
            }
        }
        return h.replace('/', '_');
    }
}
