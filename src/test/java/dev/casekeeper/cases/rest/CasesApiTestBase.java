package dev.casekeeper.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Case API tests: a builder for new cases and readers for a case, its timeline and history. */
abstract class CasesApiTestBase extends ApiTestBase {

    /** A case to open: a new customer writing about a lost activation key, unless told otherwise. */
    static NewCase aCase() {
        return new NewCase();
    }

    static final class NewCase {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Map<String, Object> requester = new LinkedHashMap<>();
        private final Map<String, Object> message = new LinkedHashMap<>();

        NewCase() {
            body.put("subject", "Activation key lost after reinstall");
            requester.put("email", uniqueEmail());
            requester.put("name", "Maria Lopez");
            message.put("body", "I reinstalled Windows and my activation key is gone. I bought it in March.");
            body.put("requester", requester);
            body.put("message", message);
        }

        NewCase subject(String subject) {
            body.put("subject", subject);
            return this;
        }

        NewCase from(String email) {
            requester.put("email", email);
            return this;
        }

        NewCase from(String email, String name) {
            requester.put("name", name);
            return from(email);
        }

        NewCase saying(String text) {
            message.put("body", text);
            return this;
        }

        NewCase html(String html) {
            message.put("html", html);
            return this;
        }

        NewCase priority(String priority) {
            body.put("priority", priority);
            return this;
        }

        NewCase tags(String... tags) {
            body.put("tags", List.of(tags));
            return this;
        }

        NewCase team(UUID teamId) {
            body.put("teamId", teamId);
            return this;
        }

        NewCase channel(String channel) {
            body.put("channel", channel);
            return this;
        }

        NewCase without(String field) {
            body.remove(field);
            return this;
        }

        NewCase set(String field, @Nullable Object value) {
            body.put(field, value);
            return this;
        }

        String requesterEmail() {
            return (String) requester.get("email");
        }

        Map<String, Object> body() {
            return body;
        }
    }

    /** Opens the case and answers the API's reply, which must be 201. */
    static JsonNode open(Api api, NewCase kase) {
        var created = api.post("/api/v1/cases", kase.body());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static String idOf(JsonNode kase) {
        return kase.get("id").asString();
    }

    static JsonNode read(Api api, String caseId) {
        var read = api.get("/api/v1/cases/" + caseId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    static List<JsonNode> timeline(Api api, String caseId) {
        return List.copyOf(read(api, caseId).get("timeline").values());
    }

    static List<JsonNode> history(Api api, String caseId) {
        var history = api.get("/api/v1/cases/" + caseId + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return List.copyOf(history.json().values());
    }

    static List<JsonNode> owners(Api api, String caseId) {
        var owners = api.get("/api/v1/cases/" + caseId + "/owners");
        assertThat(owners.status()).as(owners.toString()).isEqualTo(200);
        return List.copyOf(owners.json().values());
    }

    /** Changes a case and expects the change to be taken. */
    static JsonNode change(Api api, String caseId, Map<String, ?> change) {
        var changed = api.patch("/api/v1/cases/" + caseId, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return changed.json();
    }

    /** Walks a case through allowed transitions to {@code status}: new → open → solved → closed, or straight there. */
    static void bringTo(Api api, String caseId, String status) {
        switch (status) {
            case "new" -> {}
            case "closed" -> {
                change(api, caseId, Map.of("status", "solved"));
                change(api, caseId, Map.of("status", "closed"));
            }
            default -> change(api, caseId, Map.of("status", status));
        }
        assertThat(read(api, caseId).get("status").asString()).isEqualTo(status);
    }

    static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json()
                .get("items")
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    static String uniqueEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    /** A word no other test uses, to find this test's cases by subject. */
    static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
