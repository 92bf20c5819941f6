package dev.casekeeper.database;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The embedded server's memory, sized to the machine it runs on: a quarter of the memory for its
 * buffer cache (at least PostgreSQL's own 128 MB, at most 8 GB) and half of it as the planner's
 * estimate of what the operating system caches. PostgreSQL's default of 128 MB holds a few percent
 * of a large desk's hot pages; every other read then copies a page from the operating system's cache,
 * and a page of a million cases or a bulk change of 500 random cases reads thousands of them.
 * A setting given in {@code casekeeper.embedded-db.server-config.*} wins.
 */
final class MemorySizing {

    private static final long MB = 1024 * 1024;
    private static final long MIN_SHARED_BUFFERS = 128 * MB;
    private static final long MAX_SHARED_BUFFERS = 8192 * MB;

    private MemorySizing() {}

    /** The settings for a machine of this much memory, in bytes. */
    static Map<String, String> forMemory(long bytes) {
        long shared = Math.clamp(bytes / 4, MIN_SHARED_BUFFERS, MAX_SHARED_BUFFERS);
        long cache = Math.max(bytes / 2, shared);
        return Map.of("shared_buffers", shared / MB + "MB", "effective_cache_size", cache / MB + "MB");
    }

    /** The settings for this machine (its container's limit where there is one). */
    static Map<String, String> forThisMachine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return forMemory(os.getTotalMemorySize());
    }
}
