package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One-time codes by text message to a phone number ({@link TextMessages}), in the customer's
 * language: the code alone, never a link (a link in a text message is what phishing looks like).
 * Sent once the code is committed, off the request's thread, as the email codes are.
 */
@Component
class PhoneCodes implements CodeChannel, DisposableBean {

    private final TextMessages texts;
    private final MessageSource messages;
    private final PortalSettings settings;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    PhoneCodes(TextMessages texts, MessageSource messages, PortalSettings settings) {
        this.texts = texts;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public IdentityKind kind() {
        return IdentityKind.PHONE;
    }

    @Override
    public void sendAfterCommit(
            String to, SignInCodes.Purpose purpose, String code, @Nullable String link, Locale locale) {
        String text = messages.getMessage(
                purpose == SignInCodes.Purpose.SIGN_IN ? "portal.sms.signIn" : "portal.sms.verify",
                new Object[] {code, settings.codeLifetime().toMinutes()},
                locale);
        Runnable send = () -> texts.send(to, text);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    senders.execute(send);
                }
            });
        } else {
            senders.execute(send);
        }
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
