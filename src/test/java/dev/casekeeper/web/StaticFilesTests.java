package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A page's stylesheets, scripts and icon are linked with a hash of their content and served for a
 * year; the webjars' scripts too. Other links stay as written, and a path outside the static ones
 * is never served as a file.
 */
class StaticFilesTests extends ApiTestBase {

    @Test
    void aPageLinksItsFilesByContentHashAndTheyAreKeptForAYear() {
        var session = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        var page = session.get("/views/mine").html();

        var links = new java.util.ArrayList<String>();
        links.add(page.select("link[rel=stylesheet]").first().attr("href"));
        links.add(page.select("link[rel=icon]").first().attr("href"));
        links.add(page.select("script[src*=/webjars/htmx.org/]").first().attr("src"));
        links.add(page.select("script[src^=/js/]").first().attr("src"));

        assertThat(links).allMatch(link -> link.matches(".*-[0-9a-f]{32}\\.(css|js|svg)"), "hashed");
        for (String link : links) {
            var file = session.download(link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElseThrow())
                    .as(link)
                    .contains("max-age=31536000");
        }
        assertThat(page.select("a[href^=/cases/], a[href^=/views/]").eachAttr("href"))
                .isNotEmpty()
                .noneMatch(href -> href.matches(".*-[0-9a-f]{32}$"));
    }

    @Test
    void aTemplateIsNotServedAsAFile() {
        var session = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(session.download("/templates/layout/agent.html").statusCode())
                .isEqualTo(404);
        assertThat(session.download("/application.properties").statusCode()).isEqualTo(404);
    }
}
