package dev.casekeeper.portal;

import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.customers.IdentityKind;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One-time codes by email: the sign-in mail (a code and, when {@code casekeeper.portal.base-url}
 * is set, a one-time link), the code that verifies an address a customer adds, and the link a chat
 * visitor gets for the address she typed; in the language the caller chose (the customer's
 * declared one, else her browser's). Sent once the code is committed, off the request's thread, so
 * the page answers as fast for an address that gets mail as for one that does not.
 *
 * <p>With the {@code demo} profile every such mail is also written to the log: the demo desk has no
 * mailbox, and its customers could not sign in otherwise (docs/demo.md). Only that profile does it,
 * so no setting can turn it on in production by mistake.
 */
@Component
class SignInMail implements CodeChannel, DisposableBean {

    private final ChannelManagement mail;
    private final MessageSource messages;
    private final PortalSettings settings;
    private final boolean demo;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    private static final Logger log = LoggerFactory.getLogger(SignInMail.class);

    SignInMail(ChannelManagement mail, MessageSource messages, PortalSettings settings, Environment environment) {
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.demo = environment.matchesProfiles("demo");
    }

    @Override
    public IdentityKind kind() {
        return IdentityKind.EMAIL;
    }

    @Override
    public void sendAfterCommit(
            String to, SignInCodes.Purpose purpose, String code, @Nullable String link, Locale locale) {
        String prefix = prefix(purpose);
        String subject = messages.getMessage(prefix + "subject", new Object[] {code}, locale);
        String text = text(prefix, purpose, code, link == null ? null : link(purpose, link), locale);
        Runnable send = () -> {
            if (demo) {
                log.warn(
                        "DEMO ONLY: the portal's mail to {} (the demo desk has no mailbox):\n{}\n\n{}",
                        to,
                        subject,
                        text);
            }
            mail.sendMail(settings.mailFrom(), to, subject, text);
        };
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

    /** Whether mail can carry links: only with a configured address to link to. */
    boolean carriesLinks() {
        return settings.baseUrl() != null && !settings.baseUrl().isBlank();
    }

    private static String prefix(SignInCodes.Purpose purpose) {
        return switch (purpose) {
            case SIGN_IN -> "portal.mail.";
            case VERIFY -> "portal.mail.verify.";
            case LINK -> "portal.mail.chatLink.";
        };
    }

    private String text(String prefix, SignInCodes.Purpose purpose, String code, @Nullable String link, Locale locale) {
        long minutes = settings.codeLifetime().toMinutes();
        var text = new StringBuilder();
        if (purpose != SignInCodes.Purpose.LINK) {
            text.append(messages.getMessage(prefix + "code", new Object[] {code}, locale))
                    .append("\n\n");
        }
        if (link != null) {
            text.append(messages.getMessage(prefix + "link", null, locale))
                    .append("\n")
                    .append(link)
                    .append("\n\n");
        }
        return text.append(messages.getMessage("portal.mail.expiry", new Object[] {minutes}, locale))
                .append("\n\n")
                .append(messages.getMessage(prefix + "notYou", null, locale))
                .append("\n")
                .toString();
    }

    private @Nullable String link(SignInCodes.Purpose purpose, String token) {
        if (!carriesLinks()) {
            return null;
        }
        String path = purpose == SignInCodes.Purpose.SIGN_IN ? "/portal/sign-in/link/" : "/portal/verify/";
        return settings.baseUrl().strip().replaceAll("/+$", "") + path + token;
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
