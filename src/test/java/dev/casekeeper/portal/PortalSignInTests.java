package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing in to the portal without a password: the emailed code and link, their limits, bad input. */
@MovesTime
class PortalSignInTests extends PortalTestBase {

    @Test
    void signsInWithTheEmailedCodeAndMarksTheAddressVerified() throws Exception {
        var maria = newCustomer("Maria Lopez");
        openCaseFor(maria, "Activation key gone", "My activation key is gone since I reinstalled.");

        var session = signIn(maria);

        var mail = mailsTo(maria.email()).getLast();
        assertThat(mail.getFrom()[0].toString()).contains(MAIL_FROM);
        assertThat(mail.getSubject()).contains(code(mail));
        var requests = session.get("/portal");
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.html().select("#requests").text()).contains("Activation key gone");
        var identity = admin().get("/api/v1/customers/" + maria.id())
                .json()
                .get("identities")
                .get(0);
        assertThat(identity.get("verified").asBoolean()).isTrue();
    }

    @Test
    void signsInOnceWithTheLinkAndNeverAgainWithItOrTheCode() {
        var maria = newCustomer("Maria Lopez");
        var first = browser();
        askForCode(first, maria.email());
        var mail = awaitMail(maria.email(), 1);
        String link = linkPath(mail);

        var opened = first.get(link);
        assertThat(opened.status()).isEqualTo(200);
        String token = opened.html().select("input[name=token]").val();
        var signedIn = first.post("/portal/sign-in/link", Map.of("token", token));
        assertThat(signedIn.location()).endsWith("/portal");
        assertThat(first.get("/portal").status()).isEqualTo(200);

        var second = browser();
        second.get(link);
        var again = second.post("/portal/sign-in/link", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.html().select("#sign-in-error").text()).contains("already used or has expired");
        assertThat(second.get("/portal").location()).endsWith("/portal/sign-in");
        askForCode(second, maria.email());
        awaitMail(maria.email(), 2);
        var withOldCode = second.post("/portal/sign-in/code", Map.of("code", code(mail)));
        assertThat(withOldCode.status()).isEqualTo(400);
        assertThat(withOldCode.html().select("#code-error").text()).contains("not valid");
    }

    @Test
    void answersAnUnknownAddressAsAKnownOneAndMailsItNothing() {
        var known = newCustomer("Known Person");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        var stranger = browser();
        var forUnknown = askForCode(stranger, unknown);
        var pageForUnknown = stranger.get("/portal/sign-in/code");
        var customer = browser();
        var forKnown = askForCode(customer, known.email());
        var pageForKnown = customer.get("/portal/sign-in/code");

        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(302);
        assertThat(forUnknown.location()).isEqualTo(forKnown.location());
        assertThat(pageForUnknown.html().select("#content").text().replace(unknown, "ADDRESS"))
                .isEqualTo(pageForKnown.html().select("#content").text().replace(known.email(), "ADDRESS"));
        awaitMail(known.email(), 1);
        assertThat(mailsTo(unknown)).isEmpty();
        var guess = stranger.post("/portal/sign-in/code", Map.of("code", "123456"));
        assertThat(guess.status()).isEqualTo(400);
    }

    @Test
    void refusesABlankOrMalformedAddressWithAReadableMessage() {
        var session = browser();
        session.get("/portal/sign-in");

        var blank = session.post("/portal/sign-in", Map.of("email", "  "));
        var malformed = session.post("/portal/sign-in", Map.of("email", "maria at example"));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#sign-in-error").text()).isEqualTo("Enter your email address.");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.html().select("#sign-in-error").text()).contains("not an email address");
        assertThat(malformed.html().select("#email").val()).isEqualTo("maria at example");
    }

    @Test
    void refusesAMalformedWrongOrExpiredCodeAndSignsNobodyIn() {
        var maria = newCustomer("Maria Lopez");
        var session = browser();
        askForCode(session, maria.email());
        String code = code(awaitMail(maria.email(), 1));
        session.get("/portal/sign-in/code");

        var malformed = session.post("/portal/sign-in/code", Map.of("code", "12ab"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.html().select("#code-error").text()).contains("six digits");
        var wrong = session.post("/portal/sign-in/code", Map.of("code", code.equals("000000") ? "000001" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html().select("#code-error").text()).contains("not valid");

        TestClock.INSTANCE.advance(Duration.ofMinutes(16));
        var expired = session.post("/portal/sign-in/code", Map.of("code", code));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.html().select("#code-error").text()).contains("has expired");
        assertThat(session.get("/portal").location()).endsWith("/portal/sign-in");
    }

    @Test
    void aFewWrongCodesWearTheAddressesCodesOut() {
        var maria = newCustomer("Maria Lopez");
        var session = browser();
        askForCode(session, maria.email());
        String code = code(awaitMail(maria.email(), 1));
        String wrong = code.equals("000000") ? "000001" : "000000";
        session.get("/portal/sign-in/code");
        for (int i = 0; i < 5; i++) {
            assertThat(session.post("/portal/sign-in/code", Map.of("code", wrong))
                            .status())
                    .isEqualTo(400);
        }

        var right = session.post("/portal/sign-in/code", Map.of("code", code));

        assertThat(right.status()).isEqualTo(400);
        assertThat(session.get("/portal").location()).endsWith("/portal/sign-in");
    }

    @Test
    void limitsMailsPerAddressAlikeForKnownAndUnknownAddresses() {
        var known = newCustomer("Known Person");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (String email : new String[] {known.email(), unknown}) {
            for (int i = 0; i < 5; i++) {
                assertThat(askForCode(browser(), email).status()).isEqualTo(302);
            }
            var limited = askForCode(browser(), email);
            assertThat(limited.status()).as(email).isEqualTo(429);
            assertThat(limited.html().select("#sign-in-error").text()).startsWith("Too many attempts. Try again in");
        }
        awaitMail(known.email(), 5);
        assertThat(mailsTo(known.email())).hasSize(5);
    }

    @Test
    void limitsSignInRequestsPerClientAddress() {
        var session = browser();
        session.get("/portal/sign-in");
        for (int i = 0; i < 30; i++) {
            var asked =
                    session.post("/portal/sign-in", Map.of("email", "someone-" + UUID.randomUUID() + "@example.com"));
            assertThat(asked.status()).isEqualTo(302);
            session.get("/portal/sign-in");
        }

        var limited = session.post("/portal/sign-in", Map.of("email", "one-more@example.com"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotEmpty();
        assertThat(browser().get("/portal/sign-in").status()).isEqualTo(200);
    }
}
