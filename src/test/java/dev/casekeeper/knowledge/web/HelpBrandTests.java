package dev.casekeeper.knowledge.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An admin names the help center and gives it colours and a logo, over the API and on the admin
 * page; every help-center page shows them. Colours that leave text hard to read, anything but #rrggbb,
 * and a logo that is not a picture or too large are refused and change nothing.
 */
class HelpBrandTests extends ApiTestBase {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @AfterEach
    void backToTheHelpCentersOwn() {
        admin().send("PUT", "/api/v1/knowledge/brand", Map.of("name", "Help center"));
        admin().delete("/api/v1/knowledge/brand/logo");
    }

    @Test
    void anAdminsNameAndColoursAreOnEveryHelpCenterPage() {
        var changed = admin().send(
                        "PUT",
                        "/api/v1/knowledge/brand",
                        Map.of("name", "Nordwind Support", "accentColor", "#7A1F1F", "headerColor", "#FFF4D6"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("accentColor").asString()).isEqualTo("#7a1f1f");
        assertThat(changed.json().get("logoPath").isNull()).isTrue();

        var web = WebSession.anonymous(port);
        for (String path : List.of("/help", "/help/search?q=router")) {
            var page = web.get(path);
            assertThat(page.html().select("#help-brand").text()).isEqualTo("Nordwind Support");
            assertThat(page.html().title()).contains("Nordwind Support");
            String sheet = page.html()
                    .select("link[rel=stylesheet][href^=/help/brand.css]")
                    .attr("href");
            assertThat(sheet).as(path).isNotEmpty();
            var css = web.get(sheet);
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(css.body()).contains("--help-accent: #7a1f1f").contains("--help-header: #fff4d6");
        }
    }

    @Test
    void coloursThatLeaveTextHardToReadOrAreNotHexAreRefusedAndChangeNothing() {
        admin().send("PUT", "/api/v1/knowledge/brand", Map.of("name", "Before", "accentColor", "#1e3a8a"));

        var pale = admin().send(
                        "PUT",
                        "/api/v1/knowledge/brand",
                        Map.of("name", "After", "accentColor", "#9ab8ff", "headerColor", "#1e3a8a"));
        assertProblem(pale, 400, "invalid-input");
        assertThat(fieldsNamed(pale)).containsExactly("accentColor");
        assertThat(pale.json().get("errors").get(0).get("message").asString())
                .contains("contrast")
                .contains("4.5:1");

        var dark = admin().send("PUT", "/api/v1/knowledge/brand", Map.of("name", "After", "headerColor", "#102040"));
        assertThat(fieldsNamed(dark)).containsExactly("headerColor");
        var notHex = new HashMap<String, Object>(Map.of("name", " ", "accentColor", "red", "headerColor", "#12345"));
        assertThat(fieldsNamed(admin().send("PUT", "/api/v1/knowledge/brand", notHex)))
                .containsExactlyInAnyOrder("name", "accentColor", "headerColor");

        var brand = admin().get("/api/v1/knowledge/brand").json();
        assertThat(brand.get("name").asString()).isEqualTo("Before");
        assertThat(brand.get("accentColor").asString()).isEqualTo("#1e3a8a");
        assertThat(brand.get("headerColor").isNull()).isTrue();
    }

    @Test
    void aLogoUploadedOnTheAdminPageIsInTheHeaderAndServedAsAPictureOnly() {
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/help-center");
        var uploaded = admin.postFiles(
                "/admin/help-center/logo", Map.of(), List.of(new WebSession.Upload("logo", "logo.png", PNG)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);

        var help = WebSession.anonymous(port).get("/help");
        String src = help.html().select("img#help-logo").attr("src");
        assertThat(src).startsWith("/help/brand/logo");
        var logo = WebSession.anonymous(port).download(src);
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
        assertThat(logo.body()).isEqualTo(PNG);

        admin.get("/admin/help-center");
        var script = admin.postFiles(
                "/admin/help-center/logo",
                Map.of(),
                List.of(new WebSession.Upload("logo", "logo.png", "<script>alert(1)</script>".getBytes())));
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.html().select("#brand-logo-error").text()).contains("PNG, JPEG, GIF or WebP");
        admin.get("/admin/help-center");
        var huge = admin.postFiles(
                "/admin/help-center/logo",
                Map.of(),
                List.of(new WebSession.Upload("logo", "huge.png", new byte[300 * 1024])));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.html().select("#brand-logo-error").text()).isNotEmpty();
        assertThat(WebSession.anonymous(port).download(src).body()).isEqualTo(PNG);

        admin.get("/admin/help-center");
        admin.post("/admin/help-center/logo/removal", Map.of());
        assertThat(WebSession.anonymous(port).get("/help").html().select("img#help-logo"))
                .isEmpty();
        assertThat(WebSession.anonymous(port).download("/help/brand/logo").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdminPageRefusesAColourWithTheReasonBesideIt() {
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/help-center");
        var refused = admin.post(
                "/admin/help-center", Map.of("name", "Nordwind", "accentColor", "#ffff00", "headerColor", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#brand-accent-error").text()).contains("contrast");
        assertThat(refused.html().select("#brand-accent").attr("aria-invalid")).isEqualTo("true");
        assertThat(admin().get("/api/v1/knowledge/brand").json().get("name").asString())
                .isEqualTo("Help center");
    }
}
