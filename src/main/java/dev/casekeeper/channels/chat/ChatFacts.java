package dev.casekeeper.channels.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.casekeeper.cases.ChannelFacts;
import dev.casekeeper.cases.ChannelFactsType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What chat keeps on a customer's timeline entry: the conversation the line was written in, the
 * mailbox of the widget when the customer left a message while nobody was there, and how many
 * characters that cannot be stored were taken out of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatFacts(@Nullable UUID conversationId, @Nullable String mailbox, int removedCharacters)
        implements ChannelFacts {

    static ChatFacts line(UUID conversationId, int removedCharacters) {
        return new ChatFacts(conversationId, null, removedCharacters);
    }

    static ChatFacts leftMessage(UUID conversationId, String mailbox, int removedCharacters) {
        return new ChatFacts(conversationId, mailbox, removedCharacters);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType chatFacts() {
            return new ChannelFactsType("chat", ChatFacts.class);
        }
    }
}
