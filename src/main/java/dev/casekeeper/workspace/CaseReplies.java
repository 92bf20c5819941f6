package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.channels.CaseChat;
import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.channels.EmailAddressing;
import dev.casekeeper.shared.ConflictException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where the case page's one composer sends a reply. On a live chat it goes into the chat, for the
 * agent who may write there; once the chat ended, by email to the address the customer gave when
 * the agent chose that ({@code via=email}); otherwise it is recorded on the case, and the channel
 * reports whether it got through. Files go with a reply wherever it goes: as links in the chat
 * widget, as attachment parts by email.
 */
@Component
class CaseReplies {

    static final String BY_EMAIL = "email";

    private final CaseManagement cases;
    private final ChannelManagement channels;
    private final MessageSource messages;

    CaseReplies(CaseManagement cases, ChannelManagement channels, MessageSource messages) {
        this.cases = cases;
        this.channels = channels;
        this.messages = messages;
    }

    /** The case's chat as this agent sees it, or null for a case without one. */
    @Nullable
    CaseChat chat(CaseId caseId, SignedInAgent me) {
        return channels.chatOfCase(caseId, me).orElse(null);
    }

    /** What the composer of an email case is addressed to, or null for a case on another channel. */
    @Nullable
    EmailAddressing emailAddressing(CaseSummary kase, SignedInAgent me) {
        return channels.emailAddressing(kase, me).orElse(null);
    }

    /** A reply as the composer sent it: addressed by email when the agent filled in To, else as {@link #send}. */
    void send(CaseId caseId, CaseForms.ReplyForm form, List<FileCheck.Upload> files, SignedInAgent me) {
        if (form.addressed() && !BY_EMAIL.equals(form.via())) {
            channels.emailReply(caseId, form.to(), form.cc(), form.bcc(), form.mailboxId(), form.body(), files, me);
            return;
        }
        send(caseId, form.body(), form.via(), files, me);
    }

    void send(CaseId caseId, String body, @Nullable String via, List<FileCheck.Upload> files, SignedInAgent me) {
        if (BY_EMAIL.equals(via)) {
            channels.replyByEmail(caseId, body, files, me);
            return;
        }
        var chat = chat(caseId, me);
        if (chat != null && chat.live() && !chat.mayWrite()) {
            throw new ConflictException(
                    "not-joined",
                    messages.getMessage("chat.composer.notJoined", null, LocaleContextHolder.getLocale()));
        }
        cases.reply(caseId, body, null, me, null, files);
    }
}
