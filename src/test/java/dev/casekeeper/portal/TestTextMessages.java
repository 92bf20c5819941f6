package dev.casekeeper.portal;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The tests' SMS gateway, as GreenMail is their mail server: it keeps every text message the
 * application sends, for a test to read the code a customer would get on her phone.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestTextMessages {

    /** One text message: to whom, and what it said. */
    record Sent(String to, String text) {}

    static final ConcurrentLinkedQueue<Sent> SENT = new ConcurrentLinkedQueue<>();

    static List<Sent> to(String phone) {
        return SENT.stream().filter(m -> m.to().equals(phone)).toList();
    }

    @Bean
    @Primary
    TextMessages capturedTextMessages() {
        return (to, text) -> SENT.add(new Sent(to, text));
    }
}
