package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hosted web form: a case on the web channel, and what keeps robots out without changing anything. */
@MovesTime
class ContactFormTests extends PortalTestBase {

    @Autowired
    MeterRegistry registry;

    @Test
    void opensACaseOnTheWebChannelAndNamesItsNumber() {
        String marker = UUID.randomUUID().toString();
        String email = "maria-" + marker + "@example.com";
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));
        double accepted = count("accepted");

        var sent = session.post("/contact", form("Maria Lopez", email, "Activation key " + marker, "It is gone."));

        assertThat(sent.location()).endsWith("/contact/sent");
        String confirmation =
                session.get("/contact/sent").html().select("#contact-sent").text();
        var kase = admin().get("/api/v1/cases?q=" + marker).json().get("items").get(0);
        assertThat(confirmation).contains("#" + kase.get("number").asLong());
        assertThat(kase.get("channel").asString()).isEqualTo("web");
        assertThat(kase.get("subject").asString()).isEqualTo("Activation key " + marker);
        var customer = admin().get(
                        "/api/v1/customers/" + kase.get("requesterId").asString())
                .json();
        assertThat(customer.get("displayName").asString()).isEqualTo("Maria Lopez");
        assertThat(customer.get("identities").get(0).get("value").asString()).isEqualTo(email);
        assertThat(count("accepted")).isEqualTo(accepted + 1);
    }

    @Test
    void refusesBlankFieldsWithAMessageByEachAndKeepsWhatWasTyped() {
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var refused = session.post("/contact", form("", "not an address", "  ", "Something broke"));

        assertThat(refused.status()).isEqualTo(400);
        var page = refused.html();
        assertThat(page.select("#name-error").text()).isEqualTo("Enter your name.");
        assertThat(page.select("#email-error").text()).isEqualTo("This is not an email address.");
        assertThat(page.select("#topic-error").text()).isEqualTo("Say in a few words what it is about.");
        assertThat(page.select("#description-error")).isEmpty();
        assertThat(page.select("#description").text()).isEqualTo("Something broke");
        assertThat(page.select("#email").attr("aria-invalid")).isEmpty();
        assertThat(page.select("#contact-email").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void refusesARobotThatFillsTheHiddenFieldAndOpensNoCase() {
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));
        double honeypot = count("honeypot");
        var fields = form("Bot", "bot-" + marker + "@example.com", "Cheap pills " + marker, "Buy now");
        fields.put("website", "http://spam.example");

        var refused = session.post("/contact", fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#contact-error").text()).contains("could not take this message");
        assertNoCase(marker);
        assertThat(count("honeypot")).isEqualTo(honeypot + 1);
    }

    @Test
    void refusesASubmissionFasterThanAPersonCouldTypeOrWithoutTheForm() {
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        double tooFast = count("too-fast");

        var atOnce = session.post("/contact", form("Maria", "m-" + marker + "@example.com", "Key " + marker, "Gone"));
        var direct = WebSession.from(port, "127.9.9.9")
                .postRaw("/contact", form("Maria", "m-" + marker + "@example.com", "Key " + marker, "Gone"), Map.of());

        assertThat(atOnce.status()).isEqualTo(400);
        assertThat(atOnce.html().select("#contact-error").text()).contains("wait a moment");
        assertThat(atOnce.html().select("#topic").val()).isEqualTo("Key " + marker);
        assertThat(direct.status()).isEqualTo(403);
        assertNoCase(marker);
        assertThat(count("too-fast")).isEqualTo(tooFast + 1);
    }

    @Test
    void limitsSubmissionsPerClientAddress() {
        var session = browser();
        for (int i = 0; i < 10; i++) {
            session.get("/contact");
            TestClock.INSTANCE.advance(Duration.ofSeconds(5));
            var sent = session.post(
                    "/contact", form("Maria", "m-" + UUID.randomUUID() + "@example.com", "Topic " + i, "Text"));
            assertThat(sent.status()).as("submission " + i).isEqualTo(302);
        }
        String marker = UUID.randomUUID().toString();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var limited = session.post("/contact", form("Maria", "m-" + marker + "@example.com", "Key " + marker, "Gone"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select("#contact-error").text()).startsWith("Too many attempts");
        assertNoCase(marker);
    }

    private void assertNoCase(String marker) {
        assertThat(admin().get("/api/v1/cases?q=" + marker).json().get("items").size())
                .isZero();
    }

    private double count(String outcome) {
        var counter = registry.find("casekeeper.portal.contact")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> form(String name, String email, String topic, String description) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", name);
        form.put("email", email);
        form.put("topic", topic);
        form.put("description", description);
        form.put("website", "");
        return form;
    }
}
