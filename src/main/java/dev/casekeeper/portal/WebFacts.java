package dev.casekeeper.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.casekeeper.cases.ChannelFacts;
import dev.casekeeper.cases.ChannelFactsType;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the portal keeps on the timeline entry of a message the customer wrote there: the files she
 * attached (stored in {@code portal.attachment}). Agents see them on the case page as they see an
 * email's; the API shows them under {@code data.web}, with the address agents download them from.
 */
public record WebFacts(List<Attachment> attachments) implements ChannelFacts {

    public WebFacts {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** One file; {@code contentType} is the type sniffed from its bytes. */
    public record Attachment(UUID id, String filename, String contentType, long size) {

        /** Where agents download it (the API; the case page links {@code /attachments/web/{id}}). */
        @JsonProperty("url")
        public String url() {
            return "/api/v1/attachments/web/" + id;
        }

        public boolean image() {
            return dev.casekeeper.cases.FileCheck.INLINE.contains(contentType);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType webFacts() {
            return new ChannelFactsType("web", WebFacts.class);
        }
    }
}
