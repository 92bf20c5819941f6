package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input to every operation the OpenAPI document lists, read at test time so a new endpoint is
 * probed without anyone remembering it: NUL and lone surrogates in every text, bytes that are not
 * UTF-8, values of the wrong JSON type, null in lists, dates no calendar holds, and the same in
 * query parameters and path ids. Each is refused with a 4xx problem detail, and the desk's data
 * reads the same afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests extends ApiTestBase {

    /** Operations that take nothing a probe could spoil: no path id, no query parameter, no body. */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            Map.entry("GET /api/v1/agents", "takes no input"),
            Map.entry("GET /api/v1/agents/me", "takes no input"),
            Map.entry("GET /api/v1/teams", "takes no input"),
            Map.entry("GET /api/v1/mailboxes", "takes no input"),
            Map.entry("GET /api/v1/email/sending-mailboxes", "takes no input"),
            Map.entry("GET /api/v1/email/blocked-senders", "takes no input"),
            Map.entry("GET /api/v1/email/suspended", "takes no input"),
            Map.entry("GET /api/v1/auto-close", "takes no input"),
            Map.entry("GET /api/v1/saved-views", "takes no input"),
            Map.entry("GET /api/v1/sla/calendars", "takes no input"),
            Map.entry("GET /api/v1/sla/policies", "takes no input"),
            Map.entry("GET /api/v1/contact-topics", "takes no input"),
            Map.entry("GET /api/v1/macros/placeholders", "takes no input"),
            Map.entry("GET /api/v1/routing/me", "takes no input"),
            Map.entry("GET /api/v1/routing/me/invitations", "takes no input"),
            Map.entry("GET /api/v1/routing/holds", "takes no input"),
            Map.entry("GET /api/v1/routing/agents", "takes no input"),
            Map.entry("GET /api/v1/routing/supervisor-requests", "takes no input"),
            Map.entry("GET /api/v1/reports/customers-at-risk", "takes no input"),
            Map.entry("GET /api/v1/qa/rubric", "takes no input"),
            Map.entry("GET /api/v1/telephony/integrations", "takes no input"),
            Map.entry("GET /api/v1/webhooks", "takes no input"),
            Map.entry("GET /api/v1/knowledge/brand", "takes no input"),
            Map.entry("DELETE /api/v1/knowledge/brand/logo", "takes no input"),
            Map.entry("GET /api/v1/webhooks/event-types", "takes no input"),
            Map.entry("GET /api/v1/automations/vocabulary", "takes no input"),
            Map.entry("GET /api/v1/automations/triggers", "takes no input"),
            Map.entry("GET /api/v1/automations/timed", "takes no input"),
            Map.entry("GET /api/v1/imports", "takes no input"),
            // The customer API (its own bad-input tests: PortalApiTests).
            Map.entry("GET /api/portal/v1/csrf", "takes no input"),
            Map.entry("GET /api/portal/v1/me", "takes no input"),
            Map.entry("GET /api/portal/v1/my-data", "takes no input"),
            Map.entry("POST /api/portal/v1/sign-out", "takes no input"),
            Map.entry("GET /api/v1/counter/locations", "takes no input"),
            Map.entry("GET /api/v1/counter/desk", "takes no input"),
            Map.entry("DELETE /api/v1/counter/desk", "takes no input"),
            Map.entry("POST /api/v1/counter/desk/next", "takes no input"));

    /** Fields that change by themselves (time passing, the caller's own token being used) and say nothing about a write. */
    private static final Set<String> VOLATILE = Set.of(
            "lastUsedAt",
            "lastPolledAt",
            "businessSecondsLeft",
            "presenceSince",
            "idleSince",
            "waitingSeconds",
            "now",
            "lastError");

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final Map<String, UUID> fixtures = new LinkedHashMap<>();
    private List<ApiOperation> operations;
    private ExampleBodies bodies;
    private String token;
    private List<String> watched;

    @BeforeAll
    void readTheDocumentAndMakeFixtures() {
        operations = ApiOperation.all(anonymous().get("/v3/api-docs").json());
        var admin = newAgent("admin");
        token = tokenFor(admin.email(), PASSWORD);
        var api = anonymous().withToken(token);
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        UUID kase = openCase(api, team, "Bad input fixture");
        UUID customer = UUID.fromString(
                api.get("/api/v1/cases/" + kase).json().path("requesterId").asString());
        UUID macro = id(api.post(
                "/api/v1/macros",
                Map.of("name", "Probe fixture " + UUID.randomUUID(), "body", "Hello {{customer.name}}")));
        UUID calendar = id(api.post(
                "/api/v1/sla/calendars",
                Map.of(
                        "name",
                        "Probe calendar " + UUID.randomUUID(),
                        "zone",
                        "Europe/Berlin",
                        "hours",
                        List.of(Map.of("day", "monday", "from", "09:00", "to", "17:00")))));
        bodies = new ExampleBodies(this::fixture);
        fixtures.put("team", team);
        fixtures.put("agent", agent.id());
        fixtures.put("case", kase);
        fixtures.put("customer", customer);
        fixtures.put("macro", macro);
        fixtures.put("calendar", calendar);
        fixtures.put(
                "policy",
                id(api.post(
                        "/api/v1/sla/policies",
                        SlaFixture.policyBody("Probe policy " + UUID.randomUUID(), calendar, team, 60, 60, 480))));
        fixtures.put(
                "mailbox",
                id(api.post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "probe-" + UUID.randomUUID() + "@badinput.example",
                                "inbound",
                                Map.of("mode", "smtp")))));
        fixtures.put(
                "followup",
                id(api.post(
                        "/api/v1/cases/" + kase + "/promises",
                        Map.of(
                                "text",
                                "Call back",
                                "dueAt",
                                Instant.now().plus(Duration.ofDays(3)).toString()))));
        UUID actionType = UUID.fromString(api.post(
                        "/api/v1/action-types",
                        Map.of("name", "Probe refund " + UUID.randomUUID(), "kind", "refund", "agentLimit", 50))
                .json()
                .path("type")
                .path("id")
                .asString());
        fixtures.put("actionType", actionType);
        fixtures.put("typeId", actionType);
        fixtures.put(
                "action",
                id(api.post(
                        "/api/v1/cases/" + kase + "/actions",
                        Map.of("typeId", actionType, "amount", 10, "fields", Map.of("order", "A-1")))));
        fixtures.put(
                "token",
                UUID.fromString(
                        api.get("/api/v1/tokens").json().get(0).path("id").asString()));
        watched = List.of(
                "/api/v1/cases/" + kase,
                "/api/v1/cases?teamId=" + team + "&limit=100",
                "/api/v1/cases/" + kase + "/followups",
                "/api/v1/cases/" + kase + "/owners",
                "/api/v1/customers/" + customer,
                "/api/v1/customers?q=badinput.example&limit=100",
                "/api/v1/teams",
                "/api/v1/agents",
                "/api/v1/macros?q=Probe&limit=100",
                "/api/v1/sla/calendars",
                "/api/v1/sla/policies",
                "/api/v1/mailboxes",
                "/api/v1/tokens",
                "/api/v1/followups?limit=100",
                "/api/v1/action-types?all=true",
                "/api/v1/cases/" + kase + "/actions",
                "/api/v1/routing/agents/" + agent.id(),
                "/api/v1/routing/teams/" + team,
                "/api/v1/routing/me");
    }

    @Test
    void everyOperationIsProbedOrSkippedForAReason() {
        var probed = operations.stream()
                .filter(o -> !probes(o).isEmpty())
                .map(ApiOperation::toString)
                .toList();
        var all = operations.stream().map(ApiOperation::toString).toList();

        assertThat(all.stream()
                        .filter(o -> !probed.contains(o) && !SKIPPED.containsKey(o))
                        .toList())
                .as("operations neither probed nor listed as skipped with a reason")
                .isEmpty();
        assertThat(SKIPPED.keySet().stream()
                        .filter(o -> !all.contains(o) || probed.contains(o))
                        .toList())
                .as("skipped operations that are gone, or are probed after all")
                .isEmpty();
    }

    /**
     * The probes spoil one value of a body that is otherwise accepted, so a refusal is for that
     * value; this keeps the example bodies honest for a representative set of writes.
     */
    @Test
    void theExampleBodiesAreAcceptedAsTheyAre() {
        for (String name : List.of(
                "POST /api/v1/cases",
                "POST /api/v1/cases/{id}/notes",
                "POST /api/v1/cases/{id}/replies",
                "POST /api/v1/cases/{id}/promises",
                "POST /api/v1/customers",
                "POST /api/v1/teams",
                "PATCH /api/v1/agents/{id}",
                "POST /api/v1/macros",
                "POST /api/v1/sla/calendars",
                "POST /api/v1/sla/policies",
                "POST /api/v1/mailboxes",
                "POST /api/v1/tokens")) {
            var operation = operations.stream()
                    .filter(o -> o.toString().equals(name))
                    .findFirst()
                    .orElseThrow();
            var response = send(new Probe(
                    "the example body",
                    operation.method(),
                    fill(operation.path()),
                    bodies.example(operation, operation.body()),
                    null));

            assertThat(response.status()).as(name + " → " + response).isBetween(200, 299);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadInputAndChangesNothing() {
        return operations.stream()
                .filter(o -> !probes(o).isEmpty())
                .map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
                    boolean writes = !operation.method().equals("GET");
                    String before = writes ? snapshot() : "";
                    var softly = new SoftAssertions();
                    for (var probe : probes(operation)) {
                        var response = send(probe);
                        softly.assertThat(response.status())
                                .as(probe + " → " + response)
                                .isBetween(400, 499);
                        softly.assertThat(response.contentType())
                                .as(probe + " → " + response)
                                .startsWith("application/problem+json");
                        if (response.contentType().startsWith("application/problem+json")) {
                            var problem = json.readTree(response.text());
                            softly.assertThat(problem.path("status").asInt())
                                    .as(probe + " → " + response)
                                    .isEqualTo(response.status());
                            softly.assertThat(problem.path("title").asString(""))
                                    .as(probe + " → " + response)
                                    .isNotBlank();
                            softly.assertThat(problem.path("type").asString(""))
                                    .as(probe + " → " + response)
                                    .isNotBlank();
                            if (probe.field() != null && response.status() == 400) {
                                softly.assertThat(problem.path("errors").findValuesAsString("field"))
                                        .as(probe + " → " + response)
                                        .contains(probe.field());
                            }
                        }
                    }
                    if (writes) {
                        softly.assertThat(snapshot())
                                .as("what the desk shows after the probes of " + operation)
                                .isEqualTo(before);
                    }
                    softly.assertAll();
                }));
    }

    /** One bad request: what it is, where it goes, and the field the refusal should name (if it names one). */
    record Probe(
            String what,
            String method,
            String path,
            byte @Nullable [] body,
            @Nullable String field) {
        @Override
        public String toString() {
            return method + " " + path + " with " + what;
        }
    }

    List<Probe> probes(ApiOperation operation) {
        var probes = new ArrayList<Probe>();
        String path = fill(operation.path());
        if (operation.hasPathParameters()) {
            for (var bad : List.of("%00", "%FF%FE", "%ED%A0%80", "a%00b")) {
                probes.add(new Probe(
                        "path id " + bad,
                        operation.method(),
                        firstPlaceholder(operation.path(), bad),
                        operation.body() == null ? null : "{}".getBytes(StandardCharsets.UTF_8),
                        null));
            }
        }
        for (var parameter : operation.query()) {
            var values = new ArrayList<>(List.of("a%00b", "%FF%FE", "%ED%A0%80", "%C0%80"));
            if (parameter.format().equals("date-time")) {
                values.addAll(List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"));
            }
            if (parameter.type().equals("integer")) {
                values.add("99999999999999999999");
            }
            for (String value : values) {
                probes.add(new Probe(
                        "?" + parameter.name() + "=" + value,
                        operation.method(),
                        path + (path.contains("?") ? "&" : "?") + parameter.name() + "=" + value,
                        null,
                        null));
            }
        }
        if (operation.body() != null) {
            for (var slot : bodies.slots(operation, operation.body())) {
                for (var bad : badValues(slot)) {
                    probes.add(new Probe(
                            slot.name() + " = " + bad.label(),
                            operation.method(),
                            path,
                            bodies.with(operation, operation.body(), slot, bad.raw()),
                            bad.namesField() ? field(slot) : null));
                }
            }
            probes.add(new Probe(
                    "a body that is not UTF-8",
                    operation.method(),
                    path,
                    new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                    null));
        }
        return probes;
    }

    /** The field a refusal names: a list's bad item by its place in the list. */
    private static String field(ExampleBodies.Slot slot) {
        return slot.type().equals("array") ? slot.name() + "[0]" : slot.name();
    }

    /** A value spoiled in one way, as raw bytes of the body, and whether the refusal should name its field. */
    record Bad(String label, byte[] raw, boolean namesField) {
        static Bad of(String label, String raw, boolean namesField) {
            return new Bad(label, raw.getBytes(StandardCharsets.UTF_8), namesField);
        }
    }

    private static List<Bad> badValues(ExampleBodies.Slot slot) {
        return switch (slot.type()) {
            case "array" -> List.of(Bad.of("[null]", "[null]", true), Bad.of("[[]]", "[[]]", true));
            case "integer" ->
                List.of(
                        Bad.of("\"60\"", "\"60\"", true),
                        Bad.of("1.5", "1.5", true),
                        Bad.of("true", "true", true),
                        Bad.of("2^70", "1180591620717411303424", true));
            case "boolean" -> List.of(Bad.of("\"true\"", "\"true\"", true), Bad.of("1", "1", true));
            case "number" -> List.of(Bad.of("\"1.5\"", "\"1.5\"", true));
            default -> {
                var bad = new ArrayList<>(List.of(
                        Bad.of("NUL", "\"a\\u0000b\"", true),
                        Bad.of("a lone surrogate", "\"a\\ud800b\"", true),
                        Bad.of("a lone low surrogate", "\"\\udc00\"", true),
                        new Bad(
                                "bytes that are not UTF-8",
                                new byte[] {'"', 'a', (byte) 0xC0, (byte) 0x80, 'b', '"'},
                                false),
                        new Bad(
                                "an encoded surrogate",
                                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                                false),
                        Bad.of("a number", "123", true),
                        Bad.of("true", "true", true),
                        Bad.of("an object", "{}", true)));
                if (slot.format().equals("date-time")) {
                    bad.add(Bad.of("year +999999999", "\"+999999999-12-31T23:59:59Z\"", true));
                    bad.add(Bad.of("year -999999999", "\"-999999999-01-01T00:00:00Z\"", true));
                    bad.add(Bad.of("year 10000", "\"+10000-01-01T00:00:00Z\"", true));
                }
                if (slot.format().equals("date")) {
                    bad.add(Bad.of("year +999999999", "\"+999999999-12-31\"", true));
                    bad.add(Bad.of("year 0", "\"0000-01-01\"", true));
                }
                yield bad;
            }
        };
    }

    /** The fixture for an id field or path placeholder (teamId, ownerId, {agentId}); a fresh id for kinds without one. */
    private UUID fixture(String name) {
        String kind = switch (name) {
            case "teamId", "toTeamId", "overflowTeamId" -> "team";
            case "agentId", "ownerId", "toAgentId" -> "agent";
            case "caseId" -> "case";
            case "calendarId" -> "calendar";
            default -> name;
        };
        return fixtures.getOrDefault(kind, UUID.randomUUID());
    }

    /** The path with each placeholder filled: {id} by what the path names before it, others by their own name. */
    private String fill(String pattern) {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        var filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            UUID value = name.equals("id") ? fixture(kindBefore(pattern.substring(0, matcher.start()))) : fixture(name);
            matcher.appendReplacement(filled, value.toString());
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String kindBefore(String prefix) {
        String[] segments = prefix.split("/");
        String plural = segments[segments.length - 1];
        return switch (plural) {
            case "cases" -> "case";
            case "customers" -> "customer";
            case "teams" -> "team";
            case "agents" -> "agent";
            case "macros" -> "macro";
            case "calendars" -> "calendar";
            case "policies" -> "policy";
            case "mailboxes" -> "mailbox";
            case "followups" -> "followup";
            case "tokens" -> "token";
            case "action-types" -> "actionType";
            case "actions" -> "action";
            default -> plural;
        };
    }

    private String firstPlaceholder(String pattern, String bad) {
        return fill(pattern.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(bad)));
    }

    /** What the desk shows of the fixtures and the lists a stray write would land in, without fields that move by themselves. */
    private String snapshot() {
        var shown = new StringBuilder();
        for (String path : watched) {
            var response = send(new Probe("", "GET", path, null, null));
            shown.append(path).append(' ').append(response.status()).append(' ');
            shown.append(
                    response.contentType().contains("json") ? stable(json.readTree(response.text())) : response.text());
            shown.append('\n');
        }
        return shown.toString();
    }

    private static String stable(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VOLATILE.forEach(object::remove);
            object.forEach(BadInputTests::stable);
        } else if (node.isArray()) {
            node.forEach(BadInputTests::stable);
        }
        return node.toString();
    }

    record Response(int status, String text, String contentType) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + text.substring(0, Math.min(text.length(), 400));
        }
    }

    private Response send(Probe probe) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (probe.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        } else {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(probe + " failed", e);
        }
    }

    private static UUID id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isBetween(200, 201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
