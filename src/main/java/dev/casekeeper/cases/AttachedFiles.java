package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files an agent attached to a reply, note or chat line, kept on its timeline entry (the bytes
 * are in {@code cases.attachment}). The API shows them under {@code data.files}, with the address
 * agents download them from; channels send them with the message.
 */
public record AttachedFiles(List<File> files) implements ChannelFacts {

    public AttachedFiles {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file; {@code contentType} is the type sniffed from its bytes. */
    public record File(UUID id, String filename, String contentType, long size) {

        /** Where agents download it (the API; the case page links {@code /attachments/agent/{id}}). */
        @JsonProperty("url")
        public String url() {
            return "/api/v1/attachments/agent/" + id;
        }

        public boolean image() {
            return FileCheck.INLINE.contains(contentType);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType attachedFiles() {
            return new ChannelFactsType("files", AttachedFiles.class);
        }
    }
}
