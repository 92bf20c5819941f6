package dev.casekeeper.portal;

import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web form's topics: admins define them (ordered, each with a team and labels in English,
 * German and Spanish); the form offers them in the page's language, the case goes to the topic's
 * team, and the customer is told the case number, the team and when to expect the first answer.
 */
@MovesTime
class ContactTopicsTests extends PortalTestBase {

    /** Topics change the form for everyone: each test leaves none behind. */
    @AfterEach
    void removeTopics() {
        admin().get("/api/v1/contact-topics")
                .json()
                .valueStream()
                .forEach(topic -> admin().delete(
                                "/api/v1/contact-topics/" + topic.get("id").asString()));
    }

    @Test
    void theFormOffersTheTopicsInOrderInTheCustomersLanguage() {
        topic(1, null, "Invoices", "Rechnungen", "Facturas");
        topic(0, null, "Activation keys", "Aktivierungsschlüssel", null);

        var english = browser().get("/contact").html();
        var german =
                browser().get("/contact", Map.of("Accept-Language", "de-DE")).html();
        var spanish = browser().get("/contact", Map.of("Accept-Language", "es")).html();

        assertThat(english.select("select#topic option").eachText())
                .containsExactly("Choose a topic", "Activation keys", "Invoices");
        assertThat(german.select("select#topic option").eachText())
                .containsExactly("Wählen Sie ein Thema", "Aktivierungsschlüssel", "Rechnungen");
        // No Spanish label: the English one.
        assertThat(spanish.select("select#topic option").eachText())
                .containsExactly("Elija un tema", "Activation keys", "Facturas");
    }

    @Test
    void aSubmissionGoesToTheTopicsTeamAndTheAcknowledgementNamesNumberTeamAndFirstResponse() {
        UUID team = newTeamNamed("Licensing " + UUID.randomUUID().toString().substring(0, 6));
        String teamName =
                admin().get("/api/v1/teams/" + team).json().get("name").asString();
        UUID keys = topic(0, team, "Activation keys", "Aktivierungsschlüssel", "Claves de activación");
        String email = "maria-" + UUID.randomUUID() + "@example.com";
        var session = browser();
        session.get("/contact", Map.of("Accept-Language", "de"));
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var sent = session.post(
                "/contact",
                form("Maria Lopez", email, keys.toString(), "Mein Schlüssel ist weg."),
                Map.of("Accept-Language", "de"));

        assertThat(sent.location()).as(sent.toString()).endsWith("/contact/sent");
        var page = session.get("/contact/sent", Map.of("Accept-Language", "de")).html();
        var customer =
                admin().get("/api/v1/customers?q=" + email).json().get("items").get(0);
        var kase = admin().get("/api/v1/cases?requesterId=" + customer.get("id").asString())
                .json()
                .get("items")
                .get(0);
        long number = kase.get("number").asLong();
        assertThat(kase.get("subject").asString()).isEqualTo("Aktivierungsschlüssel");
        assertThat(kase.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(page.select("#contact-sent").text()).contains("#" + number);
        assertThat(page.select("#contact-team").text()).isEqualTo("Unser Team " + teamName + " kümmert sich darum.");
        var sla = admin().get("/api/v1/cases/" + kase.get("id").asString() + "/sla")
                .json();
        assertThat(sla.get("policy").get("name").asString()).isNotBlank();
        assertThat(page.select("#contact-first-response").text()).startsWith("Sie erhalten unsere erste Antwort bis");

        var mail = awaitMail(email, 1);
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(body).contains(String.valueOf(number), teamName, "erste Antwort");
    }

    @Test
    void withTopicsDefinedATopicOfHerOwnIsRefusedBesideTheFieldAndNothingOpens() {
        topic(0, null, "Activation keys", null, null);
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var refused =
                session.post("/contact", form("Maria", "m-" + marker + "@example.com", "Something " + marker, "Text"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#topic-error").text()).isEqualTo("Choose a topic from the list.");
        assertThat(admin().get("/api/v1/cases?q=" + marker).json().get("items")).isEmpty();
    }

    @Test
    void adminsWriteTopicsAgentsOnlyReadThemAndBadInputIsRefused() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        var body = Map.of("position", 0, "labels", Map.of("en", "Billing"));

        assertThat(anonymous().get("/api/v1/contact-topics").status()).isEqualTo(401);
        assertThat(agent.api().post("/api/v1/contact-topics", body).status()).isEqualTo(403);
        assertThat(supervisor.api().post("/api/v1/contact-topics", body).status())
                .isEqualTo(403);
        UUID id = topic(0, null, "Billing", null, null);
        assertThat(agent.api()
                        .get("/api/v1/contact-topics")
                        .json()
                        .get(0)
                        .get("labels")
                        .get("en")
                        .asString())
                .isEqualTo("Billing");
        assertThat(agent.api().delete("/api/v1/contact-topics/" + id).status()).isEqualTo(403);
        assertThat(agent.api().send("PUT", "/api/v1/contact-topics/" + id, body).status())
                .isEqualTo(403);

        var blank = admin().post("/api/v1/contact-topics", Map.of("position", 0, "labels", Map.of("en", " ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fieldsNamed(blank)).containsExactly("labels.en");
        var noSuchTeam = admin().post(
                        "/api/v1/contact-topics",
                        Map.of("labels", Map.of("en", "Orders"), "teamId", UUID.randomUUID()));
        assertThat(noSuchTeam.status()).isEqualTo(400);
        assertThat(fieldsNamed(noSuchTeam)).containsExactly("teamId");
        assertThat(admin().get("/api/v1/contact-topics").json()).hasSize(1);
        assertThat(admin().get("/api/v1/contact-topics/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void theAdminPageAddsChangesAndDeletesTopicsAndAgentsCannotOpenIt() {
        var admin = dev.casekeeper.support.WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/contact-topics");

        var blank = admin.post("/admin/contact-topics", Map.of("position", "0", "labelEn", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#new-labelEn-error").text())
                .as(blank.body())
                .isNotBlank();
        var added = admin.post(
                "/admin/contact-topics",
                Map.of("position", "0", "labelEn", "Orders", "labelDe", "Bestellungen", "teamId", ""));
        assertThat(added.location()).endsWith("/admin/contact-topics");
        var topic = admin().get("/api/v1/contact-topics").json().get(0);
        String id = topic.get("id").asString();
        assertThat(topic.get("labels").get("de").asString()).isEqualTo("Bestellungen");
        var changed = admin.post(
                "/admin/contact-topics/" + id, Map.of("position", "3", "labelEn", "Orders and returns", "teamId", ""));
        assertThat(changed.location()).endsWith("/admin/contact-topics");
        assertThat(admin().get("/api/v1/contact-topics/" + id)
                        .json()
                        .get("position")
                        .asInt())
                .isEqualTo(3);
        assertThat(admin.get("/admin/contact-topics")
                        .html()
                        .select("[data-topic=" + id + "] h2")
                        .text())
                .isEqualTo("Orders and returns");
        admin.post("/admin/contact-topics/" + id + "/delete", Map.of());
        assertThat(admin().get("/api/v1/contact-topics").json()).isEmpty();

        var agent = newAgent("agent");
        var page = dev.casekeeper.support.WebSession.anonymous(port)
                .signIn(agent.email(), PASSWORD)
                .get("/admin/contact-topics");
        assertThat(page.status()).isEqualTo(403);
    }

    private UUID newTeamNamed(String name) {
        var created = admin().post("/api/v1/teams", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private UUID topic(int position, UUID team, String en, String de, String es) {
        var labels = new LinkedHashMap<String, Object>();
        labels.put("en", en);
        if (de != null) {
            labels.put("de", de);
        }
        if (es != null) {
            labels.put("es", es);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("position", position);
        body.put("labels", labels);
        if (team != null) {
            body.put("teamId", team);
        }
        var created = admin().post("/api/v1/contact-topics", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
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
