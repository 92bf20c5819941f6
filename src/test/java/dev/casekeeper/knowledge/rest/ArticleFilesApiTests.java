package dev.casekeeper.knowledge.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agents upload pictures and files to articles over the API: each is checked by its bytes and the
 * limits before anything is stored; a picture is embedded in the text by its help-center address.
 * The help center serves a file only once its article is published with it, and only while the
 * article is published and public; agents get every file, anyone else none of theirs.
 */
class ArticleFilesApiTests extends ApiTestBase {

    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record File(String name, byte[] content) {}

    @Test
    void aPublishedArticleShowsItsPictureAndListsItsFileAndTheHelpCenterServesThemCacheably() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String id = article(agent.api(), "Router lights", "public");

        var uploaded = upload(agent, id, new File("router lights.png", PNG), new File("manual.pdf", PDF));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        var picture = uploaded.json().get(0);
        var manual = uploaded.json().get(1);
        assertThat(picture.get("contentType").asString()).isEqualTo("image/png");
        assertThat(picture.get("image").asBoolean()).isTrue();
        assertThat(picture.get("published").asBoolean()).isFalse();
        String picturePath = picture.get("helpCenterPath").asString();
        assertThat(picture.get("markdown").asString()).isEqualTo("![router lights](" + picturePath + ")");
        assertThat(manual.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(manual.get("markdown").asString()).startsWith("[manual.pdf](/help/files/");
        assertThat(agent.api()
                        .get("/api/v1/knowledge/articles/" + id + "/files")
                        .json()
                        .valueStream()
                        .map(f -> f.get("filename").asString()))
                .containsExactly("router lights.png", "manual.pdf");

        var changed = agent.api()
                .patch(
                        "/api/v1/knowledge/articles/" + id,
                        Map.of(
                                "body",
                                "Look at the lights:\n\n"
                                        + picture.get("markdown").asString()));
        assertThat(changed.json().get("html").asString()).contains("<img src=\"" + picturePath + "\"");
        var help = WebSession.anonymous(port);
        assertThat(help.download(picturePath).statusCode())
                .as("a draft's picture")
                .isEqualTo(404);

        publish(supervisor.api(), id);

        var served = help.download(picturePath);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(PNG);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("public").contains("max-age=300"));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).contains(picture.get("sha256").asString());
        assertThat(get(picturePath, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        String path = changed.json().get("helpCenterPath").asString();
        var page = help.get(path);
        assertThat(page.html().select("#article-body img").attr("src")).isEqualTo(picturePath);
        assertThat(page.html().select("#help-downloads a").eachText()).containsExactly("manual.pdf");
        var pdf = help.download(page.html().select("#help-downloads a").attr("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    }

    @Test
    void aFileAddedToAPublishedArticleReachesTheHelpCenterOnlyWhenItsDraftIsPublished() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String id = article(agent.api(), "Resetting the modem", "public");
        publish(supervisor.api(), id);

        var added = upload(agent, id, new File("reset.png", PNG)).json().get(0);
        String picturePath = added.get("helpCenterPath").asString();
        agent.api()
                .patch(
                        "/api/v1/knowledge/articles/" + id,
                        Map.of(
                                "body",
                                "Hold the button:\n\n" + added.get("markdown").asString()));
        assertThat(anonymous().get(picturePath).status()).isEqualTo(404);
        assertThat(agent.api().get(added.get("url").asString()).status()).isEqualTo(200);

        var out = supervisor
                .api()
                .post("/api/v1/knowledge/articles/" + id + "/draft/state", Map.of("state", "published"));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(WebSession.anonymous(port).download(picturePath).statusCode())
                .isEqualTo(200);
    }

    @Test
    void filesOfAnInternalArticleOrOfOneTakenBackAreNotFoundInTheHelpCenterButAgentsGetThem() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String internal = article(agent.api(), "Escalation runbook", "internal");
        var runbook =
                upload(agent, internal, new File("runbook.pdf", PDF)).json().get(0);
        publish(supervisor.api(), internal);
        String publicOne = article(agent.api(), "Opening hours", "public");
        var hours = upload(agent, publicOne, new File("hours.png", PNG)).json().get(0);
        publish(supervisor.api(), publicOne);
        var help = WebSession.anonymous(port);
        assertThat(help.download(hours.get("helpCenterPath").asString()).statusCode())
                .isEqualTo(200);

        var back =
                supervisor.api().post("/api/v1/knowledge/articles/" + publicOne + "/state", Map.of("state", "draft"));
        assertThat(back.status()).isEqualTo(200);

        assertThat(help.download(runbook.get("helpCenterPath").asString()).statusCode())
                .isEqualTo(404);
        assertThat(help.download(hours.get("helpCenterPath").asString()).statusCode())
                .isEqualTo(404);
        assertThat(help.download("/help/files/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        var colleague = newAgent("agent").api();
        assertThat(colleague.get(runbook.get("url").asString()).status()).isEqualTo(200);
        var signedIn = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var page = signedIn.download("/knowledge/files/" + hours.get("id").asString());
        assertThat(page.statusCode()).as("an agent's page session").isEqualTo(200);
        assertThat(page.body()).isEqualTo(PNG);
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void refusesFilesByTheirBytesTheirSizeAndTheirCountAndStoresNothing() {
        var agent = newAgent("agent");
        String id = article(agent.api(), "Printer drivers", "public");

        var script = upload(
                agent,
                id,
                new File(
                        "photo.png",
                        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                                .getBytes(StandardCharsets.UTF_8)));
        assertProblem(script, 400, "invalid-input");
        assertThat(fieldsNamed(script)).containsExactly("files");
        var svg = upload(
                agent,
                id,
                new File(
                        "diagram.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8)));
        assertProblem(svg, 400, "invalid-input");
        assertThat(svg.text()).contains("diagram.svg");
        // The tests' limits are 1 MB a file and 3 files an article (application-test.properties).
        var large = upload(
                agent, id, new File("scan.txt", "a".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII)));
        assertProblem(large, 400, "invalid-input");
        assertThat(large.text()).contains("scan.txt is over 1 MB");
        var empty = upload(agent, id, new File("empty.pdf", new byte[0]));
        assertProblem(empty, 400, "invalid-input");
        assertProblem(upload(agent, id), 400, "invalid-input");
        var many = upload(
                agent,
                id,
                new File("1.png", PNG),
                new File("2.png", PNG),
                new File("3.png", PNG),
                new File("4.png", PNG));
        assertProblem(many, 400, "invalid-input");
        assertThat(many.text()).contains("at most 3 files");
        assertThat(files(agent.api(), id)).isEmpty();

        assertThat(upload(agent, id, new File("1.png", PNG), new File("2.pdf", PDF))
                        .status())
                .isEqualTo(201);
        var full = upload(agent, id, new File("3.png", PNG), new File("4.png", PNG));
        assertProblem(full, 400, "invalid-input");
        assertThat(full.text()).contains("at most 3 files").contains("has 2");
        assertThat(files(agent.api(), id)).hasSize(2);
        assertProblem(upload(agent, UUID.randomUUID().toString(), new File("1.png", PNG)), 404, "not-found");
    }

    @Test
    void onlyAgentsUploadListAndGetFilesAndOnlySupervisorsTakeAPublishedOneOff() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String id = article(agent.api(), "Delivery times", "public");
        var uploaded = upload(agent, id, new File("map.png", PNG), new File("old.pdf", PDF))
                .json();
        String map = uploaded.get(0).get("id").asString();
        String old = uploaded.get(1).get("id").asString();
        String files = "/api/v1/knowledge/articles/" + id + "/files";

        assertThat(multipart(null, files, List.of(new File("x.png", PNG))).status())
                .isEqualTo(401);
        assertThat(anonymous().get(files).status()).isEqualTo(401);
        assertThat(anonymous().get(files + "/" + map).status()).isEqualTo(401);
        assertThat(anonymous().delete(files + "/" + map).status()).isEqualTo(401);
        var page = WebSession.anonymous(port).get("/knowledge/files/" + map);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertProblem(newAgent("agent").api().get(files + "/" + UUID.randomUUID()), 404, "not-found");

        assertThat(agent.api().delete(files + "/" + old).status()).isEqualTo(204);
        publish(supervisor.api(), id);
        assertProblem(agent.api().delete(files + "/" + map), 403, "forbidden");
        assertThat(WebSession.anonymous(port).download("/help/files/" + map).statusCode())
                .isEqualTo(200);
        assertThat(supervisor.api().delete(files + "/" + map).status()).isEqualTo(204);
        assertThat(WebSession.anonymous(port).download("/help/files/" + map).statusCode())
                .isEqualTo(404);
        assertThat(files(agent.api(), id)).isEmpty();
    }

    @Test
    void theTextKeepsItsOwnPicturesAndNothingThatRuns() {
        var agent = newAgent("agent");
        String id = article(agent.api(), "Safe pictures", "public");
        var picture = upload(agent, id, new File("safe.png", PNG)).json().get(0);

        var changed = agent.api()
                .patch(
                        "/api/v1/knowledge/articles/" + id,
                        Map.of(
                                "body",
                                picture.get("markdown").asString()
                                        + "\n\n![evil](javascript:alert(1))\n\n<img src=x onerror=alert(1)>"
                                        + "\n\n![data](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"));

        String html = changed.json().get("html").asString();
        assertThat(html).contains("<img src=\"" + picture.get("helpCenterPath").asString() + "\" alt=\"safe\"");
        assertThat(html)
                .doesNotContain("javascript:")
                .doesNotContain("<img src=\"x\"")
                .doesNotContain("data:");
        assertThat(html).doesNotContainIgnoringCase("onerror=");
    }

    private String article(Api as, String title, String visibility) {
        var created = as.post(
                "/api/v1/knowledge/articles",
                Map.of(
                        "title",
                        title + " " + UUID.randomUUID().toString().substring(0, 6),
                        "body",
                        "Text.",
                        "visibility",
                        visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static void publish(Api supervisor, String id) {
        var published = supervisor.post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private static List<JsonNode> files(Api as, String id) {
        return as.get("/api/v1/knowledge/articles/" + id + "/files")
                .json()
                .valueStream()
                .toList();
    }

    private final Map<String, String> tokens = new HashMap<>();

    private Api.Response upload(Caller as, String articleId, File... files) {
        String token = tokens.computeIfAbsent(as.email(), email -> tokenFor(email, PASSWORD));
        return multipart(token, "/api/v1/knowledge/articles/" + articleId + "/files", List.of(files));
    }

    private Api.Response multipart(@Nullable String token, String path, List<File> files) {
        String boundary = "----casekeeper" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        for (var file : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.name() + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (files.isEmpty()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnone\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
