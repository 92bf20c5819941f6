package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.IdentityOffered;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A customer who gave an email address she has not proved (a chat visitor typing it in the widget)
 * gets a link to prove it ({@link IdentityVerification#sendChatLink}).
 */
@Component
class ChatEmailLinks {

    private final IdentityVerification verification;

    ChatEmailLinks(IdentityVerification verification) {
        this.verification = verification;
    }

    @ApplicationModuleListener(condition = "#event.kind() == T(dev.casekeeper.customers.IdentityKind).EMAIL")
    void on(IdentityOffered event) {
        verification.sendChatLink(
                new CustomerId(event.customerId()),
                event.value(),
                PortalLanguages.parse(event.language()).orElse(Locale.ENGLISH));
    }
}
