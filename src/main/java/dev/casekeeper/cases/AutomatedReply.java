package dev.casekeeper.cases;

import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kept on a reply Casekeeper sent on its own (an automation's {@code send_email}): which automation
 * sent it. Such a reply is not an agent's response, so no response clock counts it.
 */
public record AutomatedReply(UUID automationId, String automation) implements ChannelFacts {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ChannelFactsType automatedReply() {
            return new ChannelFactsType("automated", AutomatedReply.class);
        }
    }
}
