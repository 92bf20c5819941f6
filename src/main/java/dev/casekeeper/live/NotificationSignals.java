package dev.casekeeper.live;

import dev.casekeeper.notifications.NotificationCreated;
import dev.casekeeper.notifications.NotificationsRead;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the recipient's open pages, on any node, that they have a new notification, so the bell's
 * count goes up without a reload. Only the recipient's streams hear it, and the signal carries no
 * text: the page loads the count itself. A signal sent twice only loads the count twice. Handed over
 * when the notification's transaction commits, without an event publication (see {@link CaseSignals}).
 */
@Component
class NotificationSignals {

    private final LiveSignalRelay relay;

    NotificationSignals(LiveSignalRelay relay) {
        this.relay = relay;
    }

    @EventListener
    void on(NotificationCreated event) {
        relay.publish(LiveSignal.notification(event.recipientId().value()));
    }

    /** A notification taken back (an approval request withdrawn) leaves the bell's count too. */
    @EventListener
    void on(NotificationsRead event) {
        relay.publish(LiveSignal.notification(event.recipientId().value()));
    }
}
