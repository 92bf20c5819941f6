package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every page and mail a customer reads is in the language she declared, else her browser's: the
 * portal, the web form and the sign-in mail.
 */
class PortalLanguageTests extends PortalTestBase {

    private static final Map<String, String> ENGLISH_BROWSER = Map.of("Accept-Language", "en-GB,en;q=0.9");
    private static final Map<String, String> SPANISH_BROWSER = Map.of("Accept-Language", "es-ES,es;q=0.9");

    @Test
    void theDeclaredLanguageWinsOverTheBrowsersOnEveryPortalPageAndInTheSignInMail() {
        var maria = newCustomer("Maria Lopez");
        declareLanguage(maria, "de");
        var session = browser();
        session.get("/portal/sign-in", ENGLISH_BROWSER);

        var asked = session.post("/portal/sign-in", Map.of("email", maria.email()), ENGLISH_BROWSER);
        assertThat(asked.location()).endsWith("/portal/sign-in/code");
        var mail = awaitMail(maria.email(), 1);
        assertThat(subject(mail)).startsWith("Ihr Anmeldecode: ");
        assertThat(GreenMailUtil.getBody(mail)).contains("Ihr Code, um sich anzumelden");
        session.get("/portal/sign-in/code", ENGLISH_BROWSER);
        session.post("/portal/sign-in/code", Map.of("code", code(mail)), ENGLISH_BROWSER);

        for (String path : new String[] {"/portal", "/portal/about", "/portal/data", "/contact"}) {
            var page = session.get(path, ENGLISH_BROWSER);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html().select("html").attr("lang")).as(path).isEqualTo("de");
        }
        assertThat(session.get("/portal", ENGLISH_BROWSER).html().select("h1").text())
                .isEqualTo("Meine Anfragen");
        assertThat(session.get("/portal/about", ENGLISH_BROWSER)
                        .html()
                        .select("h1")
                        .text())
                .isEqualTo("Über mich");
        assertThat(session.get("/contact", ENGLISH_BROWSER).html().select("h1").text())
                .isEqualTo("Kontakt");
    }

    @Test
    void withoutADeclaredLanguageTheBrowsersIsUsedForPagesAndMail() {
        var maria = newCustomer("Maria Lopez");
        var session = browser();

        assertThat(session.get("/portal/sign-in", SPANISH_BROWSER)
                        .html()
                        .select("h1")
                        .text())
                .isEqualTo("Inicie sesión para ver sus solicitudes");
        session.post("/portal/sign-in", Map.of("email", maria.email()), SPANISH_BROWSER);
        var mail = awaitMail(maria.email(), 1);
        assertThat(subject(mail)).startsWith("Su código de acceso");
        session.get("/portal/sign-in/code", SPANISH_BROWSER);
        session.post("/portal/sign-in/code", Map.of("code", code(mail)), SPANISH_BROWSER);

        assertThat(session.get("/portal", SPANISH_BROWSER).html().select("html").attr("lang"))
                .isEqualTo("es");
        assertThat(session.get("/portal", ENGLISH_BROWSER).html().select("h1").text())
                .isEqualTo("My requests");
        assertThat(browser()
                        .get("/contact", SPANISH_BROWSER)
                        .html()
                        .select("html")
                        .attr("lang"))
                .isEqualTo("es");
    }

    @Test
    void aDeclaredLanguageWithoutTextsFallsBackToTheBrowsersAndANamedOneIsUnderstood() {
        var ana = newCustomer("Ana Souza");
        declareLanguage(ana, "Portuguese");
        var session = signIn(ana);
        assertThat(session.get("/portal", SPANISH_BROWSER).html().select("html").attr("lang"))
                .isEqualTo("es");

        var hans = newCustomer("Hans Weber");
        declareLanguage(hans, "German");
        assertThat(signIn(hans)
                        .get("/portal", SPANISH_BROWSER)
                        .html()
                        .select("html")
                        .attr("lang"))
                .isEqualTo("de");
    }

    @Test
    void changingHerLanguageOnAboutMeSwitchesThePortalAtOnce() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/about", ENGLISH_BROWSER);

        session.post("/portal/about", Map.of("displayName", "Maria Lopez", "language", "es"), ENGLISH_BROWSER);

        var page = session.get("/portal/about", ENGLISH_BROWSER).html();
        assertThat(page.select("h1").text()).isEqualTo("Sobre mí");
        assertThat(page.select("#language option[selected]").val()).isEqualTo("es");
    }

    private void declareLanguage(TestCustomer customer, String language) {
        var declared = admin().patch(
                        "/api/v1/customers/" + customer.id(),
                        Map.of("fields", Map.of("language", language), "declaredBy", "customer"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
