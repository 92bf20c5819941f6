package dev.casekeeper.imports;

import dev.casekeeper.cases.ChannelFacts;
import dev.casekeeper.cases.ChannelFactsType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an import keeps on a message it brought over: where it came from, the other desk's agent who
 * wrote it (agents are not imported), and its attachments as links to where the source keeps them
 * (an import works offline, so it does not download them).
 *
 * @param source {@code zendesk} or {@code csv}
 * @param sourceId the message's id there (a Zendesk comment id, a CSV row key)
 */
public record ImportedFacts(
        String source, String sourceId, @Nullable String author, List<Link> attachments) implements ChannelFacts {

    /** An attachment left where the source keeps it. */
    public record Link(
            String name,
            String url,
            @Nullable String contentType,
            @Nullable Long size) {}

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType importedFacts() {
            return new ChannelFactsType("imported", ImportedFacts.class);
        }
    }
}
