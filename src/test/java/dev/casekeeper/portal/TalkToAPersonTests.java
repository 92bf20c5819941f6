package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Talk to a person" on the customer's case page: she asks to be called back in a window she
 * chooses, the case's team owes her the call (a callback in its queue), and the page says when;
 * bad input or another customer's case asks for nothing.
 */
class TalkToAPersonTests extends PortalTestBase {

    @Test
    void theCustomerAsksForACallInAWindowAndTheTeamOwesHerTheCall() {
        var successful = newCustomer("Successful Moore");
        var kase = openCaseFor(successful, "Left on hold until I hung up", "Nobody came back to the phone.");
        var session = signIn(successful);
        var page = session.get("/portal/cases/" + kase.getValue());
        var choices = page.html().select("#talk-window option");
        assertThat(choices.size()).isGreaterThan(1);
        var later = choices.get(1).attr("value");

        var asked = session.post(
                "/portal/cases/" + kase.getValue() + "/callback", Map.of("phone", "+1 555 0142", "windowFrom", later));

        assertThat(asked.status()).isEqualTo(302);
        var after = session.get("/portal/cases/" + kase.getValue());
        assertThat(after.html().select("#talk-asked")).hasSize(1);
        assertThat(after.html().select("#talk-promised li")).hasSize(1);
        var callbacks = callbacksOf(kase.getKey());
        assertThat(callbacks.size()).isEqualTo(1);
        var callback = callbacks.get(0);
        assertThat(callback.get("source").asString()).isEqualTo("portal");
        assertThat(callback.get("phone").asString()).isEqualTo("+1 555 0142");
        assertThat(callback.get("ownerId").isNull()).isTrue();
        assertThat(java.time.Instant.parse(callback.get("windowFrom").asString())
                        .getEpochSecond())
                .isEqualTo(Long.parseLong(later));
        assertThat(admin().patch("/api/v1/cases/" + kase.getKey(), Map.of("status", "solved"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void withoutAWayToCallHerBackNothingIsAskedAndThePageSaysWhy() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Wrong colour", "The curtain is blue.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());

        var refused = session.post("/portal/cases/" + kase.getValue() + "/callback", Map.of("windowFrom", "0"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#talk-error").text()).contains("phone number or an email");
        assertThat(callbacksOf(kase.getKey()).size()).isZero();
    }

    @Test
    void aCustomerCannotAskForACallOnAnotherCustomersCase() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var leesCase = openCaseFor(lee, "Private matter of Lee", "My new address is 4 Elm Street.");
        var session = signIn(maria);
        session.get("/portal");

        var refused =
                session.post("/portal/cases/" + leesCase.getValue() + "/callback", Map.of("phone", "+1 555 0100"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(callbacksOf(leesCase.getKey()).size()).isZero();
    }

    @Test
    void erasingHerDataBlanksTheNumberSheGaveForACallBack() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Call me about the refund", "Please call me.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());
        session.post("/portal/cases/" + kase.getValue() + "/callback", Map.of("phone", "+1 555 0199"));
        session.get("/portal/data");
        session.post("/portal/data/erasure", Map.of("confirm", "yes"));
        var request = admin().get("/api/v1/erasure-requests")
                .json()
                .valueStream()
                .filter(r -> r.get("customerId").asString().equals(maria.id().toString()))
                .findFirst()
                .orElseThrow();

        var approved = newAgent("supervisor")
                .api()
                .post("/api/v1/erasure-requests/" + request.get("id").asString() + "/approval", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("outcome").get("callbacks").asInt()).isEqualTo(1);
        var callback = callbacksOf(kase.getKey()).get(0);
        assertThat(callback.get("phone").isNull()).isTrue();
        assertThat(callback.get("state").asString()).isEqualTo("open");
    }

    private JsonNode callbacksOf(UUID caseId) {
        var found = admin().get("/api/v1/cases/" + caseId + "/callbacks");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().get("items");
    }
}
