package dev.casekeeper.automations;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The enabled triggers by event, kept in memory on each node, so a change no trigger reacts to costs
 * no statement; any change of an automation, on any node, drops every node's copy through the
 * cluster bus (after its transaction commits), and the next event reads them again.
 */
@Component
class TriggerCache {

    private static final Topic CHANGED = new Topic("automations-changed");

    private final AutomationQueries automations;
    private final ClusterBus bus;
    private volatile @Nullable Map<TriggerEvent, List<Automation>> enabled;

    TriggerCache(AutomationQueries automations, ClusterBus bus) {
        this.automations = automations;
        this.bus = bus;
        bus.subscribe(CHANGED, new ClusterBus.Subscriber() {
            @Override
            public void receive(String payload) {
                enabled = null;
            }

            @Override
            public void missedMessages() {
                enabled = null;
            }
        });
    }

    /** The enabled triggers of the event, in the order they run. */
    List<Automation> on(TriggerEvent event) {
        var known = enabled;
        if (known == null) {
            var read = new EnumMap<TriggerEvent, List<Automation>>(TriggerEvent.class);
            for (var e : TriggerEvent.values()) {
                read.put(e, List.of());
            }
            for (var trigger : automations.enabled(Automation.Kind.TRIGGER)) {
                if (trigger.event() != null) {
                    read.merge(trigger.event(), List.of(trigger), (a, b) -> concat(a, b));
                }
            }
            known = read;
            enabled = known;
        }
        return known.get(event);
    }

    /** An automation was added, changed or removed: every node reads them again. */
    void changed() {
        enabled = null;
        bus.publish(CHANGED, "");
    }

    private static List<Automation> concat(List<Automation> a, List<Automation> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
