package dev.casekeeper.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The imports' admin page: an admin uploads CSV files, follows the progress bar (redrawn by htmx
 * until the import is over, then the page reloads) and reads the report; a folder outside the imports
 * directory is refused beside the form; agents do not get the page.
 */
class ImportsAdminPageTests extends ApiTestBase {

    @Autowired
    ImportSettings settings;

    @Test
    void anAdminUploadsCsvFilesFollowsTheProgressAndReadsTheReport() throws IOException {
        var fixtures = new ImportFixtures();
        var folder = fixtures.copy(
                settings.root(),
                "csv",
                text -> text.replace("k-", "k" + fixtures.run + "-").replace("c-", "c" + fixtures.run + "-"));
        var uploads = new ArrayList<WebSession.Upload>();
        for (String name : List.of("customers.csv", "cases.csv")) {
            uploads.add(new WebSession.Upload("files", name, Files.readAllBytes(folder.resolve(name))));
        }
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/imports");

        var started = admin.postFiles("/admin/imports/uploads", Map.of("source", "csv"), uploads);

        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String page = java.net.URI.create(started.header("Location")).getPath();
        var first = admin.get(page);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.html().select("#import-bar")).hasSize(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "true".equals(admin.getPart(page).header("HX-Refresh")));
        var part = admin.getPart(page);
        assertThat(part.html().select("#import-progress").attr("hx-trigger")).isEmpty();
        assertThat(part.html().select("#import-bar").attr("value")).isEqualTo("100");

        var done = admin.get(page);
        assertThat(done.html().select("#import-state").text()).isEqualTo("Done");
        // Two customers and one case's customer (Tonya is both) and one case.
        assertThat(done.html().select("#import-created").text()).isEqualTo("3");
        assertThat(done.html().select("#import-report").text())
                .contains("customers.csv", "c" + fixtures.run + "-3", "no email and no phone")
                .contains("k" + fixtures.run + "-2", "no email: whose case it is cannot be told")
                .contains("field gift wrap", "no case field here has this name");

        var kase = admin().get("/api/v1/cases/" + Ids.of(ImportSource.CSV, "case", "k" + fixtures.run + "-1"))
                .json();
        assertThat(kase.get("subject").asString()).isEqualTo("Exchange, wrong colour");
        assertThat(kase.get("status").asString()).isEqualTo("open");
        assertThat(kase.toString()).contains("The curtain is the wrong colour, I would like to exchange it.");
        var customer = admin().get(
                        "/api/v1/customers/" + kase.get("requesterId").asString())
                .json();
        assertThat(ZendeskImportTests.texts(customer.get("tags"))).containsExactly("northwind-home-stores");
    }

    @Test
    void aFolderOutsideTheImportsDirectoryIsRefusedBesideTheForm() {
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/imports");

        var refused = admin.post("/admin/imports", Map.of("source", "zendesk", "directory", "../../etc"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#directory-error").text())
                .isEqualTo("name a folder inside the imports directory");
        assertThat(refused.html().select("#import-directory").val()).isEqualTo("../../etc");
    }

    @Test
    void agentsAreNotShownThePage() {
        var agent = WebSession.anonymous(port).signIn(newAgent("agent").email(), PASSWORD);

        assertThat(agent.get("/admin/imports").status()).isEqualTo(403);
    }
}
