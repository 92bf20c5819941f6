package dev.casekeeper.actions;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.DueSignal;
import dev.casekeeper.bus.Topic;
import org.springframework.stereotype.Component;

/** Action calls came due: the outbox signals, every node's {@link ActionCallSender} wakes. */
@Component
class CallsDue extends DueSignal {

    CallsDue(ClusterBus bus) {
        super(bus, new Topic("actions-due"));
    }
}
