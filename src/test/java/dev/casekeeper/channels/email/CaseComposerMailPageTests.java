package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case page's email composer without a browser: a wrong address is named beside its field and
 * nothing is recorded, and an agent who may not see the case can neither reply nor forward.
 */
class CaseComposerMailPageTests extends EmailTestBase {

    @Test
    void aWrongAddressIsNamedBesideItsFieldAndNothingIsRecorded() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var mailbox = smtpMailbox(team, Map.of("outbound", Map.of("host", "localhost", "port", 2, "security", "none")));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Kettle " + marker, "Dented."));
        var kase = awaitCase(marker);
        long number = kase.get("number").asLong();
        int entries = kase.get("timeline").size();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var page = browser.get("/cases/" + number).html();
        assertThat(page.getElementById("reply-to").val()).isEqualTo("maria@example.org");
        assertThat(page.getElementById("forward-form")).isNotNull();

        var reply = browser.postPart(
                "/cases/" + number + "/replies",
                Map.of(
                        "body",
                        "Here is the label.",
                        "to",
                        "maria@example.org",
                        "cc",
                        "not an address",
                        "seen",
                        String.valueOf(entries)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.html().getElementById("reply-cc-error").text()).contains("not an address");

        var forward = browser.postPart(
                "/cases/" + number + "/forwards", Map.of("to", "maria@example.org", "body", "Please look."));
        assertThat(forward.status()).as(forward.toString()).isEqualTo(422);
        assertThat(forward.html().getElementById("forward-to-error").text()).isNotBlank();

        assertThat(admin().get("/api/v1/cases/" + kase.get("id").asString())
                        .json()
                        .get("timeline")
                        .size())
                .isEqualTo(entries);
    }

    @Test
    void anAgentOutsideTheTeamCanNeitherReplyNorForward() {
        UUID team = newTeam();
        var mailbox = smtpMailbox(team, Map.of("outbound", Map.of("host", "localhost", "port", 2, "security", "none")));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Kettle " + marker, "Dented."));
        var kase = awaitCase(marker);
        long number = kase.get("number").asLong();
        int entries = kase.get("timeline").size();
        var outsider = newAgent("agent", newTeam());
        var other = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        // A page of their own first, for the form token every post carries.
        other.get("/");

        assertThat(other.postPart(
                                "/cases/" + number + "/forwards",
                                Map.of("to", "courier@example.net", "body", "Please collect."))
                        .status())
                .isEqualTo(404);
        assertThat(other.postPart(
                                "/cases/" + number + "/replies",
                                Map.of("body", "Hi", "to", "maria@example.org", "seen", String.valueOf(entries)))
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/api/v1/cases/" + kase.get("id").asString())
                        .json()
                        .get("timeline")
                        .size())
                .isEqualTo(entries);
    }
}
