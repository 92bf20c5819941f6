package dev.casekeeper.channels.email.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises mail no person wrote: auto-replies and out-of-office notices, bounces and delivery
 * reports, feedback reports, mailing-list and bulk mail, and mail that comes back from this desk
 * itself. Such mail is recorded on its case but never reopens it and is never answered; this is
 * what keeps two robots from mailing each other forever.
 */
public final class AutomaticMail {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
    private static final Set<String> AUTO_REPLY_HEADERS = Set.of(
            "x-autoreply",
            "x-autorespond",
            "x-autoresponder",
            "x-autoreply-from",
            "x-mail-autoreply",
            "x-auto-reply",
            "x-failed-recipients",
            "x-ms-exchange-generated-message-source");
    private static final Set<String> REPORT_TYPES = Set.of(
            "multipart/report",
            "message/delivery-status",
            "message/global-delivery-status",
            "message/feedback-report",
            "message/disposition-notification");
    private static final Pattern DAEMON = Pattern.compile(
            "(?i)^(mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|post_master|mail\\.?delivery(\\.?system)?|"
                    + "maildelivery|bounces?|bounce-\\S*|double-bounce|mdaemon|mail-notification|smtp-gateway)$");
    private static final Pattern DAEMON_NAME = Pattern.compile(
            "(?i).*\\b(mailer[- ]daemon|mail delivery (subsystem|system|service)|postmaster|delivery status notification)\\b.*");

    private static final Set<String> LIST_HEADERS = Set.of(
            "list-id",
            "list-unsubscribe",
            "list-subscribe",
            "list-post",
            "list-help",
            "mailing-list",
            "x-mlserver",
            "x-ml-name",
            "x-mailing-list");
    /** "no reply" as a word of the local part, however spelt: noreply, no_reply, gmail-noreply, do-not-reply.billing. */
    private static final Pattern NO_REPLY =
            Pattern.compile("(?i)(^|[._+-])(no[._-]?reply|do[._-]?not[._-]?reply)([._+-]|$)");
    /** Senders of mailbox providers' complaint feedback loops that carry no report markers. */
    private static final Set<String> FEEDBACK_LOOPS =
            Set.of("staff@hotmail.com", "feedbackloop@comcastfbl.senderscore.net");
    /** Only a clear prefix with a colon: "Auto reply: …", "Out of Office: …", "Automatische Antwort: …". */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(auto(matic)?[ -]?(reply|response|answer)|autoreply|out of (the )?office( reply)?|abwesenheitsnotiz|"
                    + "automatische antwort|réponse automatique|respuesta automática|risposta automatica|"
                    + "automatisch antwoord|vacation reply)\\s*:.*");

    private AutomaticMail() {}

    /**
     * Why the message is automatic, or null for mail a person wrote.
     *
     * @param envelopeFrom the SMTP reverse path; empty for the null sender {@code <>} that bounces use
     * @param ownAddresses this desk's mailbox addresses
     */
    public static @Nullable String reason(
            ParsedMessage message, @Nullable String envelopeFrom, Set<String> ownAddresses) {
        var headers = message.headers();
        if (envelopeFrom != null && envelopeFrom.isBlank()) {
            return "bounce: sent with the null sender <>";
        }
        String autoSubmitted = headers.first("auto-submitted");
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-submitted: " + autoSubmitted.strip();
        }
        for (String name : AUTO_REPLY_HEADERS) {
            if (headers.has(name)) {
                return "automatic reply (" + name + ")";
            }
        }
        String precedence = headers.first("precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "precedence: " + precedence.strip().toLowerCase(Locale.ROOT);
        }
        for (String name : LIST_HEADERS) {
            if (headers.has(name)) {
                return "mailing list or bulk mail (" + name + ")";
            }
        }
        String appleAction = headers.first("x-apple-action");
        if (appleAction != null && appleAction.toUpperCase(Locale.ROOT).contains("VACATION")) {
            return "automatic reply (vacation)";
        }
        String contentType =
                headers.contentType() == null ? "" : headers.contentType().toLowerCase(Locale.ROOT);
        for (String report : REPORT_TYPES) {
            if (contentType.startsWith(report) || message.partTypes().contains(report)) {
                return "delivery or feedback report (" + report + ")";
            }
        }
        String returnPath = headers.first("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "bounce: sent with the null sender <>";
        }
        var from = message.from() == null
                ? null
                : new ParsedMessage.Mailbox(
                        message.from().address().toLowerCase(java.util.Locale.ROOT),
                        message.from().name());
        String fromHeader = headers.first("from");
        if (fromHeader != null && fromHeader.replaceAll("\\s", "").equals("<>")) {
            return "bounce: sent with an empty From <>";
        }
        if (from != null
                && NO_REPLY.matcher(from.address().substring(0, from.address().indexOf('@')))
                        .find()) {
            return "notification from a no-reply address " + from.address();
        }
        if (from != null && FEEDBACK_LOOPS.contains(from.address())) {
            return "feedback report from " + from.address();
        }
        if (from != null
                && DAEMON.matcher(from.address().substring(0, from.address().indexOf('@')))
                        .matches()) {
            return "bounce: sent by " + from.address();
        }
        if (fromHeader != null && DAEMON_NAME.matcher(fromHeader).matches()) {
            return "bounce: sent by " + fromHeader.strip();
        }
        if (from != null && ownAddresses.contains(from.address())) {
            return "loop: sent by this desk's own mailbox " + from.address();
        }
        String loop = String.join(" ", headers.values().getOrDefault("x-loop", java.util.List.of()))
                .toLowerCase(Locale.ROOT);
        for (String own : ownAddresses) {
            if (loop.contains(own)) {
                return "loop: X-Loop names this desk's mailbox " + own;
            }
        }
        if (AUTO_REPLY_SUBJECT.matcher(message.subject()).matches()) {
            return "automatic reply (subject)";
        }
        return null;
    }

    /** Whether the sender asked not to get automatic answers, without being automatic itself. */
    public static boolean suppressesAutoReplies(ParsedMessage message) {
        String suppress = message.headers().first("x-auto-response-suppress");
        if (suppress == null) {
            return false;
        }
        String value = suppress.toLowerCase(Locale.ROOT);
        return value.contains("all") || value.contains("autoreply") || value.contains("oof");
    }
}
