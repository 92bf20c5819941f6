package dev.casekeeper.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A durable listener for the recovery tests: it fails for the probes it is told to fail, and counts
 * every run, so a test sees how often a publication ran.
 */
@TestConfiguration(proxyBeanMethods = false)
class FlakyListener {

    record Probe(UUID id) {}

    static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();

    static int runs(UUID probe) {
        var runs = RUNS.get(probe);
        return runs == null ? 0 : runs.get();
    }

    @Bean
    Listener flakyProbeListener() {
        return new Listener();
    }

    static class Listener {

        @ApplicationModuleListener
        void on(Probe probe) {
            RUNS.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
            if (FAILING.contains(probe.id())) {
                throw new IllegalStateException("probe " + probe.id() + " fails as told");
            }
        }
    }
}
