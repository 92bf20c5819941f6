package dev.casekeeper;

import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesProbeTests {
    @Test
    void print() throws Exception {
        var modules = ApplicationModules.of(CasekeeperApplication.class);
        var sb = new StringBuilder();
        var published = new TreeSet<String>();
        modules.forEach(m ->
                m.getPublishedEvents().forEach(e -> published.add(e.getType().getName())));
        modules.forEach(m -> {
            sb.append("MODULE ").append(m.getIdentifier()).append("\n");
            sb.append("  PUBLISHES ")
                    .append(m.getPublishedEvents().stream()
                            .map(e -> e.getType().getSimpleName())
                            .sorted()
                            .toList())
                    .append("\n");
            sb.append("  LISTENS ")
                    .append(m.getEventsListenedTo(modules).stream()
                            .map(e -> e.getName().replace("dev.casekeeper.", ""))
                            .sorted()
                            .toList())
                    .append("\n");
            var map = new TreeMap<String, TreeSet<String>>();
            m.getDirectDependencies(modules).stream()
                    .forEach(d -> map.computeIfAbsent(
                                    d.getTargetModule().getIdentifier().toString(), k -> new TreeSet<>())
                            .add((published.contains(d.getTargetType().getName()) ? "E:" : "")
                                    + d.getTargetType().getSimpleName()));
            map.forEach(
                    (k, v) -> sb.append("  -> ").append(k).append(" ").append(v).append("\n"));
        });
        sb.append("ALL PUBLISHED\n");
        published.forEach(p -> sb.append("  ").append(p).append("\n"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/modprobe/deps2.txt"), sb.toString());
    }
}
