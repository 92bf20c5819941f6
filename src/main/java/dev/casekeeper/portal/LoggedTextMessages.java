package dev.casekeeper.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The text messages of a desk without an SMS gateway: nothing is sent. With the {@code demo}
 * profile the message is written to the log, as the demo's sign-in mail is, so the demo's customers
 * can sign in with their phone; only that profile does it, so no setting can log codes in production.
 */
@Component
class LoggedTextMessages implements TextMessages {

    private static final Logger log = LoggerFactory.getLogger(LoggedTextMessages.class);

    private final boolean demo;

    LoggedTextMessages(Environment environment) {
        this.demo = environment.matchesProfiles("demo");
    }

    @Override
    public boolean send(String to, String text) {
        if (demo) {
            log.warn("DEMO ONLY: the text message to {} (the demo desk has no SMS gateway):\n{}", to, text);
            return true;
        }
        log.warn("No text message to a phone: no SMS gateway is configured (docs/portal.md)");
        return false;
    }
}
