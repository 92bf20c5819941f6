package dev.casekeeper.portal;

import static dev.casekeeper.telephony.PhoneSystem.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.WebSession;
import dev.casekeeper.telephony.PhoneSystem;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sign-in code read out on a live call: the agent on the call gives the caller a one-time code for
 * her verified number from the call panel; she signs in with it once, without a text message; the
 * case's timeline says a code was given, never the code. Nobody else gets one: not for an
 * unverified number, not an agent who is not on the call, not once the call is over.
 */
class CallSignInCodeTests extends PortalTestBase {

    private record Call(UUID team, Caller agent, PhoneSystem pbx, String callId, long caseNumber, UUID caseId) {}

    private Call answeredCallFrom(String number) {
        var team = newTeam();
        var agent = newAgent("agent", team);
        agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var pbx = PhoneSystem.signedFor(admin(), port, team, java.time.Instant::now);
        var callId = "call-" + UUID.randomUUID();
        var rang = pbx.send(event("ringing", callId, "from", number, "to", "+15550100000"));
        assertThat(rang.status()).as(rang.toString()).isEqualTo(200);
        var contactId = rang.json().get("contactId").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> agent.api()
                                .get("/api/v1/routing/contacts/" + contactId)
                                .json()
                                .get("state")
                                .asString(),
                        "offered"::equals);
        assertThat(pbx.send(event("answered", callId)).status()).isEqualTo(200);
        long caseNumber = rang.json().get("caseNumber").asLong();
        var caseId = UUID.fromString(rang.json().get("caseId").asString());
        return new Call(team, agent, pbx, callId, caseNumber, caseId);
    }

    private WebSession agentPage(Caller agent, long caseNumber) {
        var session = browser().signIn(agent.email(), PASSWORD);
        session.get("/cases/" + caseNumber);
        return session;
    }

    private static String phone() {
        return "+3461" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private void addPhone(TestCustomer customer, String phone, boolean verified) {
        var added = admin().post(
                        "/api/v1/customers/" + customer.id() + "/identities",
                        Map.of("kind", "phone", "value", phone, "verified", verified));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    @Test
    void theAgentOnTheCallGivesTheCallerACodeThatSignsHerInOnceAndTheTimelineSaysSo() {
        var moore = newCustomer("Successful Moore");
        String number = phone();
        addPhone(moore, number, true);
        var call = answeredCallFrom(number);
        var agentPage = agentPage(call.agent(), call.caseNumber());
        assertThat(agentPage
                        .getPart("/cases/" + call.caseNumber() + "/call")
                        .html()
                        .select("#call-sign-in-code-give"))
                .hasSize(1);

        var given = agentPage.postPart("/cases/" + call.caseNumber() + "/call/sign-in-code", Map.of());

        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        String code = given.html().select("#call-sign-in-code-value").text();
        assertThat(code).matches("\\d{6}");
        assertThat(given.text()).contains(number, "5 minutes");
        // The caller types her number and the code she heard: no text message is sent.
        var caller = browser();
        caller.get("/portal/sign-in/phone");
        var asked = caller.post("/portal/sign-in/phone", Map.of("phone", number, "given", "true"));
        assertThat(asked.location()).endsWith("/portal/sign-in/phone/code");
        assertThat(caller.get("/portal/sign-in/phone/code")
                        .html()
                        .select("#code-sent")
                        .text())
                .contains("our agent gave you");
        assertThat(caller.post("/portal/sign-in/phone/code", Map.of("code", code))
                        .location())
                .endsWith("/portal");
        assertThat(caller.get("/portal").status()).isEqualTo(200);
        assertThat(TestTextMessages.to(number)).isEmpty();
        // Single use.
        var again = browser();
        again.get("/portal/sign-in/phone");
        again.post("/portal/sign-in/phone", Map.of("phone", number, "given", "true"));
        assertThat(again.post("/portal/sign-in/phone/code", Map.of("code", code))
                        .status())
                .isEqualTo(400);
        // Recorded on the case: who gave a code, until when; never the code.
        var kase = admin().get("/api/v1/cases/" + call.caseId()).toString();
        assertThat(kase).contains("sign_in_code_given").doesNotContain(code);
    }

    @Test
    void aCodeIsGoodForFiveMinutes() {
        var moore = newCustomer("Successful Moore");
        String number = phone();
        addPhone(moore, number, true);
        var call = answeredCallFrom(number);
        var given = agentPage(call.agent(), call.caseNumber())
                .postPart("/cases/" + call.caseNumber() + "/call/sign-in-code", Map.of());
        String code = given.html().select("#call-sign-in-code-value").text();
        var caller = browser();
        caller.get("/portal/sign-in/phone");
        caller.post("/portal/sign-in/phone", Map.of("phone", number, "given", "true"));

        // Stored good for five minutes from when it was given (read from the row: other tests move the shared clock).
        var lifetime = jdbc.sql(
                        "select extract(epoch from expires_at - created_at) from portal.sign_in_code where value = :v")
                .param("v", number)
                .query(Double.class)
                .single();
        assertThat(lifetime).isEqualTo(300.0);
        assertThat(caller.post("/portal/sign-in/phone/code", Map.of("code", code))
                        .location())
                .endsWith("/portal");
    }

    @Test
    void noCodeForAnUnverifiedNumberNorForAnAgentNotOnTheCallNorAfterTheCall() {
        var lee = newCustomer("Lee Chen");
        String unverified = phone();
        addPhone(lee, unverified, false);
        var call = answeredCallFrom(unverified);
        var agentPage = agentPage(call.agent(), call.caseNumber());

        var notVerified = agentPage.postPart("/cases/" + call.caseNumber() + "/call/sign-in-code", Map.of());
        assertThat(notVerified.status()).isEqualTo(409);
        assertThat(notVerified.html().select("#call-sign-in-code-refused").text())
                .contains("not verified");
        assertThat(notVerified.html().select("#call-sign-in-code-value")).isEmpty();

        var moore = newCustomer("Successful Moore");
        String verified = phone();
        addPhone(moore, verified, true);
        var other = answeredCallFrom(verified);
        var colleague = newAgent("supervisor", other.team());
        var notTheirs = agentPage(colleague, other.caseNumber())
                .postPart("/cases/" + other.caseNumber() + "/call/sign-in-code", Map.of());
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.html().select("#call-sign-in-code-refused").text()).contains("Only the agent on the call");

        assertThat(other.pbx()
                        .send(event("ended", other.callId(), "durationSeconds", 60))
                        .status())
                .isEqualTo(200);
        var over = agentPage(other.agent(), other.caseNumber())
                .postPart("/cases/" + other.caseNumber() + "/call/sign-in-code", Map.of());
        assertThat(over.status()).isEqualTo(409);
        assertThat(count("select count(*) from portal.sign_in_code where value in ('" + verified + "', '" + unverified
                        + "')"))
                .isZero();
        // A customer's session opens no agent page.
        var customer = signIn(moore);
        assertThat(customer.postPart("/cases/" + other.caseNumber() + "/call/sign-in-code", Map.of())
                        .status())
                .isIn(302, 401, 403);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
