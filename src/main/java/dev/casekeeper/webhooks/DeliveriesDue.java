package dev.casekeeper.webhooks;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.DueSignal;
import dev.casekeeper.bus.Topic;
import org.springframework.stereotype.Component;

/** Webhook deliveries came due: the outbox signals, every node's {@link DeliverySender} wakes. */
@Component
class DeliveriesDue extends DueSignal {

    DeliveriesDue(ClusterBus bus) {
        super(bus, new Topic("webhooks-due"));
    }
}
