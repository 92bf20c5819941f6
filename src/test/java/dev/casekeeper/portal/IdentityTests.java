package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in customer adds another email address and proves it with a code sent to it; only a
 * proved address is added, and agents see which identities are verified. Sign-in goes through the
 * channel of an identity's kind, so a phone can sign in once a phone channel exists.
 */
class IdentityTests extends PortalTestBase {

    @Test
    void aCustomerAddsAnAddressWithTheCodeSentToItAndThenSignsInWithIt() throws Exception {
        var maria = newCustomer("Maria Lopez");
        String work = "maria.work-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var session = signIn(maria);
        session.get("/portal/about");

        var asked = session.post("/portal/identities", Map.of("email", work.toUpperCase(Locale.ROOT)));
        assertThat(asked.location()).endsWith("/portal/identities/verify");
        assertThat(identity(maria, work)).as("not hers before she proves it").isNull();
        var mail = awaitMail(work, 1);
        assertThat(mail.getSubject()).startsWith("Your code to confirm this address: ");
        assertThat(session.get("/portal/identities/verify")
                        .html()
                        .select("#code-sent")
                        .text())
                .contains(work);

        var wrong = session.post("/portal/identities/verify", Map.of("code", otherThan(code(mail))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(identity(maria, work)).isNull();
        var right = session.post("/portal/identities/verify", Map.of("code", code(mail)));

        assertThat(right.location()).endsWith("/portal/about");
        var added = identity(maria, work);
        assertThat(added.get("verified").asBoolean()).isTrue();
        assertThat(session.get("/portal/about")
                        .html()
                        .select("#identities li[data-value=" + work + "]")
                        .text())
                .contains("verified");
        signIn(new TestCustomer(maria.id(), work));
    }

    @Test
    void anAddressNotYetProvedCannotSignIn() throws Exception {
        var maria = newCustomer("Maria Lopez");
        String other = "pending-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var session = signIn(maria);
        session.get("/portal/about");
        session.post("/portal/identities", Map.of("email", other));
        awaitMail(other, 1);

        var stranger = browser();
        var asked = askForCode(stranger, other);

        assertThat(asked.location()).endsWith("/portal/sign-in/code");
        assertThat(mailsTo(other))
                .as("only the verification code, no sign-in code")
                .hasSize(1);
        var code = code(mailsTo(other).getFirst());
        stranger.get("/portal/sign-in/code");
        assertThat(stranger.post("/portal/sign-in/code", Map.of("code", code)).status())
                .as("a verification code does not sign in")
                .isEqualTo(400);
    }

    @Test
    void aVerificationCodeWorksOnlyForTheCustomerWhoAskedForIt() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        String shared = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var marias = signIn(maria);
        marias.get("/portal/about");
        marias.post("/portal/identities", Map.of("email", shared));
        String code = code(awaitMail(shared, 1));
        var lees = signIn(lee);
        lees.get("/portal/about");
        lees.post("/portal/identities", Map.of("email", shared));
        awaitMail(shared, 2);

        var wrong = lees.post("/portal/identities/verify", Map.of("code", code));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(identity(lee, shared)).isNull();
        assertThat(identity(maria, shared)).isNull();
    }

    @Test
    void anAddressOfAnotherRecordIsNotTakenWithoutAProposedMerge() {
        var maria = newCustomer("Maria Lopez");
        var other = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about");
        session.post("/portal/identities", Map.of("email", other.email()));
        String code = code(awaitMail(other.email(), 1));

        var answer = session.post("/portal/identities/verify", Map.of("code", code));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.html().select("#code-error").text()).contains("belongs to another customer record");
        assertThat(identity(maria, other.email())).isNull();
        assertThat(identity(other, other.email())).isNotNull();
    }

    @Test
    void badAddressesAreRefusedWithAReadableMessage() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about");

        var invalid = session.post("/portal/identities", Map.of("email", "not an address"));
        var mine = session.post("/portal/identities", Map.of("email", maria.email()));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.html().select("#identity-error").text())
                .isEqualTo("This is not an email address. Check it and try again.");
        assertThat(mine.status()).isEqualTo(400);
        assertThat(mine.html().select("#identity-error").text())
                .isEqualTo("This address is yours and verified already.");
    }

    @Test
    void agentsSeeWhichIdentitiesAreVerified() {
        var maria = newCustomer("Maria Lopez");
        var agent = newAgent("agent");
        agent.api()
                .post(
                        "/api/v1/customers/" + maria.id() + "/identities",
                        Map.of("kind", "phone", "value", "+34 600 111 222"));
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        signIn(maria);

        assertThat(identity(maria, maria.email()).get("verified").asBoolean()).isTrue();
        assertThat(identity(maria, "+34600111222").get("verified").asBoolean()).isFalse();
        var page = WebSession.anonymous(port).signIn(agent.email(), PASSWORD).get("/cases/" + kase.getValue());
        assertThat(page.html().select("#context .identities li").eachText())
                .anyMatch(text -> text.contains(maria.email()) && text.contains("verified"))
                .anyMatch(text -> text.contains("+34600111222") && !text.contains("verified"));
    }

    private JsonNode identity(TestCustomer customer, String value) {
        return admin().get("/api/v1/customers/" + customer.id())
                .json()
                .get("identities")
                .valueStream()
                .filter(i -> i.get("value").asString().equals(value))
                .findFirst()
                .orElse(null);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
