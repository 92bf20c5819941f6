package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case is searched in its requester's declared language: German and Spanish words are found by
 * other forms of the same word, accents or not; a case of no known language is read as English.
 */
class SearchLanguageTests extends ApiTestBase {

    private WebSession agent;
    private long german;
    private long spanish;
    private long english;

    @BeforeEach
    void casesInThreeLanguages() {
        var team = newTeam();
        agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        german = open(
                team,
                customer("Hannah Weiss", "hannah-" + run + "@example.com", "de"),
                "Lieferung " + run,
                "Meine Bestellungen sind nicht angekommen und der Schlüssel fehlt.");
        spanish = open(
                team,
                customer("Lucía Pérez", "lucia-" + run + "@example.com", "Español"),
                "Pedido " + run,
                "Las facturas llegaron dos veces y la contraseña no funciona.");
        english = open(
                team,
                "sam-" + run + "@example.com",
                "Parcel " + run,
                "My orders never arrived and the key is missing.");
    }

    @Test
    void germanWordsAreFoundByOtherFormsAndWithoutAccents() {
        assertThat(search("Bestellung")).containsExactly(german);
        assertThat(search("schlussel")).containsExactly(german);
        assertThat(search("Schlüssels")).containsExactly(german);
    }

    @Test
    void spanishWordsAreFoundByOtherFormsAndWithoutAccents() {
        assertThat(search("factura")).containsExactly(spanish);
        assertThat(search("contrasena")).containsExactly(spanish);
    }

    @Test
    void aCaseOfNoKnownLanguageIsReadAsEnglish() {
        assertThat(search("order")).containsExactly(english);
        assertThat(search("arriving")).containsExactly(english);
    }

    /** This test's cases the search finds: the words are common, other tests' cases are left out. */
    private List<Long> search(String q) {
        var page = agent.getPart("/views/team?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .html();
        return page.select("#results tr[data-number]").eachAttr("data-number").stream()
                .map(Long::parseLong)
                .filter(n -> n == german || n == spanish || n == english)
                .toList();
    }

    private String customer(String name, String email, String language) {
        var created = admin().post(
                        "/api/v1/customers",
                        Map.of("displayName", name, "emails", List.of(email), "fields", Map.of("language", language)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private long open(UUID team, String email, String subject, String body) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", email, "name", "Requester"),
                                "message",
                                Map.of("body", body),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }
}
