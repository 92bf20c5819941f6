package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The customer completes a merge an agent proposed, by proving in the portal an address of the other
 * record; then her requests of both records are in one list, whichever she signs in with.
 */
class PortalMergeTests extends PortalTestBase {

    @Test
    void theCustomerCompletesAProposedMergeByProvingAnAddressOfTheOtherRecord() throws Exception {
        var home = newCustomer("Maria Lopez");
        var work = newCustomer("Maria Lopez");
        var homeCase = openCaseFor(home, "Lost key", "My key is gone.");
        var workCase = openCaseFor(work, "Invoice for the office", "Please send the invoice.");
        var agent = newAgent("agent");
        var proposed =
                agent.api().post("/api/v1/customer-merges", Map.of("sourceId", work.id(), "targetId", home.id()));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        var session = signIn(home);

        var about = session.get("/portal/about").html();
        String masked = work.email().charAt(0) + "•••"
                + work.email().substring(work.email().indexOf('@'));
        assertThat(about.select("#merges").text()).contains(masked).doesNotContain(work.email());
        assertThat(session.get("/portal").body()).doesNotContain("Invoice for the office");
        var sent =
                session.post("/portal/merges/" + proposed.json().get("id").asString() + "/code", Map.of("index", "0"));
        assertThat(sent.location()).endsWith("/portal/identities/verify");
        assertThat(session.get("/portal/identities/verify")
                        .html()
                        .select("#code-sent")
                        .text())
                .contains(masked)
                .doesNotContain(work.email());
        var code = code(awaitMail(work.email(), 1));

        var done = session.post("/portal/identities/verify", Map.of("code", code));

        assertThat(done.location()).endsWith("/portal");
        var list = session.get("/portal").html();
        assertThat(list.select("#merged").text())
                .isEqualTo("Your records are together now: you see all your requests here.");
        assertThat(list.select("#requests li").eachAttr("data-number"))
                .containsExactlyInAnyOrder(
                        homeCase.getValue().toString(), workCase.getValue().toString());
        var merge = agent.api()
                .get("/api/v1/customer-merges/" + proposed.json().get("id").asString())
                .json();
        assertThat(merge.get("state").asString()).isEqualTo("completed");
        assertThat(merge.get("trail").get(1).get("actorKind").asString()).isEqualTo("customer");
        var customer = admin().get("/api/v1/customers/" + home.id()).json();
        assertThat(customer.get("identities")
                        .valueStream()
                        .filter(i -> i.get("value").asString().equals(work.email()))
                        .findFirst()
                        .orElseThrow()
                        .get("verified")
                        .asBoolean())
                .isTrue();
        // Signing in with the other address shows the same requests.
        var other = signIn(work);
        assertThat(other.get("/portal").html().select("#requests li").eachAttr("data-number"))
                .containsExactlyInAnyOrder(
                        homeCase.getValue().toString(), workCase.getValue().toString());
    }

    @Test
    void aSessionOfTheMergedRecordContinuesAsTheRecordThatRemains() {
        var home = newCustomer("Maria Lopez");
        var work = newCustomer("Maria Lopez");
        var homeCase = openCaseFor(home, "Lost key", "My key is gone.");
        var session = signIn(work);
        var supervisor = newAgent("supervisor");
        var proposed =
                supervisor.api().post("/api/v1/customer-merges", Map.of("sourceId", work.id(), "targetId", home.id()));
        supervisor
                .api()
                .post(
                        "/api/v1/customer-merges/" + proposed.json().get("id").asString() + "/confirmation",
                        Map.of("reason", "Same person, confirmed on the phone"));

        var list = session.get("/portal").html();

        assertThat(list.select("#requests li").eachAttr("data-number"))
                .containsExactly(homeCase.getValue().toString());
    }

    @Test
    void aCustomerCannotAskForACodeToARecordOfAMergeNotProposedToHer() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var kim = newCustomer("Kim Park");
        var agent = newAgent("agent");
        var proposed = agent.api().post("/api/v1/customer-merges", Map.of("sourceId", kim.id(), "targetId", lee.id()));
        var session = signIn(maria);
        session.get("/portal/about");

        var refused =
                session.post("/portal/merges/" + proposed.json().get("id").asString() + "/code", Map.of("index", "0"));
        var unknown = session.post("/portal/merges/" + UUID.randomUUID() + "/code", Map.of("index", "0"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(mailsTo(kim.email())).isEmpty();
        assertThat(mailsTo(lee.email())).isEmpty();
    }
}
