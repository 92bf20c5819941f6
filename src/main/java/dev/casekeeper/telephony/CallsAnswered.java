package dev.casekeeper.telephony;

import dev.casekeeper.routing.ContactAccepted;
import dev.casekeeper.routing.RoutedChannel;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent who accepts a call's offer in Casekeeper has answered it, whether or not the phone system
 * says so too: the call is marked answered in routing's transaction, so an end that follows is an
 * answered call's end, never an abandonment.
 */
@Component
class CallsAnswered {

    private final CallQueries calls;
    private final Clock clock;

    CallsAnswered(CallQueries calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @EventListener
    void on(ContactAccepted event) {
        if (event.channel() == RoutedChannel.PHONE) {
            calls.answeredByContact(event.contactId().value(), clock.instant());
        }
    }
}
