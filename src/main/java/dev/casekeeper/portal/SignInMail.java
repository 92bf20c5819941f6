package dev.casekeeper.portal;

import dev.casekeeper.channels.ChannelManagement;
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
 * The sign-in mail: the code and, when {@code casekeeper.portal.base-url} is set, the one-time link,
 * in the language the customer's browser asked for. Sent once the code is committed, off the
 * request's thread, so the page answers as fast for an address that gets mail as for one that
 * does not.
 */
@Component
class SignInMail implements DisposableBean {

    private final ChannelManagement mail;
    private final MessageSource messages;
    private final PortalSettings settings;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    SignInMail(ChannelManagement mail, MessageSource messages, PortalSettings settings) {
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    void sendAfterCommit(String to, String code, String link, Locale locale) {
        String subject = messages.getMessage("portal.mail.subject", new Object[] {code}, locale);
        String text = text(code, link(link), locale);
        Runnable send = () -> mail.sendMail(settings.mailFrom(), to, subject, text);
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

    private String text(String code, @Nullable String link, Locale locale) {
        long minutes = settings.codeLifetime().toMinutes();
        var text = new StringBuilder()
                .append(messages.getMessage("portal.mail.code", new Object[] {code}, locale))
                .append("\n\n");
        if (link != null) {
            text.append(messages.getMessage("portal.mail.link", null, locale))
                    .append("\n")
                    .append(link)
                    .append("\n\n");
        }
        return text.append(messages.getMessage("portal.mail.expiry", new Object[] {minutes}, locale))
                .append("\n\n")
                .append(messages.getMessage("portal.mail.notYou", null, locale))
                .append("\n")
                .toString();
    }

    private @Nullable String link(String token) {
        String base = settings.baseUrl();
        if (base == null || base.isBlank()) {
            return null;
        }
        return base.strip().replaceAll("/+$", "") + "/portal/sign-in/link/" + token;
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
