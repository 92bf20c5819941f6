package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web form's allowance per email address: a robot moving between client addresses still cannot
 * fill one customer's requests; the refusal says how long to wait, opens nothing and is counted.
 */
@MovesTime
class ContactFormAddressLimitTests extends PortalTestBase {

    @Autowired
    MeterRegistry registry;

    @Test
    void limitsSubmissionsForOneEmailAddressFromAnyClient() {
        String email = "maria-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < PortalLimits.CONTACTS_PER_ADDRESS; i++) {
            var session = browser();
            session.get("/contact");
            TestClock.INSTANCE.advance(Duration.ofSeconds(5));
            var sent = session.post("/contact", form(email, "Topic " + i));
            assertThat(sent.status()).as("submission " + i).isEqualTo(302);
        }
        double before = rateLimited();
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var limited = session.post("/contact", form(email.toUpperCase(), "Key " + marker));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select("#contact-error").text()).startsWith("Too many attempts");
        assertThat(admin().get("/api/v1/cases?q=" + marker).json().get("items").size())
                .isZero();
        assertThat(rateLimited()).isEqualTo(before + 1);
    }

    private double rateLimited() {
        var counter = registry.find("casekeeper.portal.contact")
                .tag("outcome", "rate-limited")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> form(String email, String topic) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", "Maria");
        form.put("email", email);
        form.put("topic", topic);
        form.put("description", "Text");
        form.put("website", "");
        return form;
    }
}
