package dev.casekeeper.channels.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.casekeeper.cases.ChannelFacts;
import dev.casekeeper.cases.ChannelFactsType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the email channel keeps on the timeline entry of a message it received: who wrote to whom,
 * the message's ids, its attachments (stored by the channel, served by its own endpoints), the
 * forwards and quoted history folded out of the text, and what could not be read. The API shows it
 * under {@code data.email}, with the addresses of the attachments and of the original message.
 *
 * @param automatic why the mail counts as automatic (an auto-reply, a bounce), or null
 * @param threadedBy how the message found its case
 * @param outsider the sender was not on the case's thread
 */
public record EmailFacts(
        UUID inboundId,
        @Nullable String messageId,
        @Nullable String from,
        List<String> to,
        List<String> cc,
        @Nullable String subject,
        @Nullable String date,
        @Nullable String automatic,
        @Nullable String threadedBy,
        boolean outsider,
        List<Attachment> attachments,
        List<Forwarded> forwarded,
        @Nullable String quotedText,
        List<String> warnings)
        implements ChannelFacts {

    public EmailFacts {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        forwarded = forwarded == null ? List.of() : List.copyOf(forwarded);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Where the API serves the message as it arrived. */
    @JsonProperty("rawUrl")
    public String rawUrl() {
        return "/api/v1/email/messages/" + inboundId + "/raw";
    }

    /**
     * An attachment or inline image; {@code stored} is false when it was over the limits and only
     * its name was kept ({@code omitted} says why).
     */
    public record Attachment(
            UUID id,
            @Nullable String filename,
            @Nullable String contentType,
            long size,
            boolean inline,
            boolean stored,
            @Nullable String omitted) {

        /** Where the API serves it, or null when it was not stored. */
        @JsonProperty("url")
        public @Nullable String url() {
            return stored ? MessageIngestion.ATTACHMENT_URL + id : null;
        }

        public boolean image() {
            return stored && contentType != null && IMAGES.contains(contentType);
        }

        private static final List<String> IMAGES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");
    }

    /** A message forwarded inside this one. */
    public record Forwarded(
            @Nullable String from,
            @Nullable String subject,
            @Nullable String date) {}

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType emailFacts() {
            return new ChannelFactsType("email", EmailFacts.class);
        }
    }
}
