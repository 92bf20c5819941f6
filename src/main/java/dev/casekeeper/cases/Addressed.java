package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whom an agent addressed an email reply or a forward to, and the mailbox it went from, kept on its
 * timeline entry so whoever reads the case sees who got what (the API shows it under {@code
 * data.addressed}). Bcc addresses are kept too: agents see them, the recipients never do. The
 * files attached to the message are listed here as {@link AttachedFiles} lists them elsewhere.
 *
 * @param forward set when the message was a forward to a third party, not a reply to the customer
 */
public record Addressed(
        List<String> to,
        List<String> cc,
        List<String> bcc,
        @Nullable UUID mailboxId,
        @Nullable String from,
        @Nullable Forward forward,
        List<AttachedFiles.File> files)
        implements ChannelFacts {

    public Addressed {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A reply to the given people from the given mailbox, without files yet. */
    public static Addressed reply(List<String> to, List<String> cc, List<String> bcc, UUID mailboxId, String from) {
        return new Addressed(to, cc, bcc, mailboxId, from, null, List.of());
    }

    /** A forward of one message ({@code entryId}) or, with null, the whole case's conversation. */
    public static Addressed forward(List<String> to, @Nullable UUID entryId, UUID mailboxId, String from) {
        return new Addressed(to, List.of(), List.of(), mailboxId, from, new Forward(entryId), List.of());
    }

    Addressed withFiles(List<AttachedFiles.File> attached) {
        return new Addressed(to, cc, bcc, mailboxId, from, forward, attached);
    }

    public boolean forwarding() {
        return forward != null;
    }

    /** What was forwarded: one message of the case, or (null {@code entryId}) its whole conversation. */
    public record Forward(@Nullable UUID entryId) {

        /** A record of one component reads as an object, as it is written, not as its bare value. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Forward {}

        public boolean wholeCase() {
            return entryId == null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType addressed() {
            return new ChannelFactsType("addressed", Addressed.class);
        }
    }
}
