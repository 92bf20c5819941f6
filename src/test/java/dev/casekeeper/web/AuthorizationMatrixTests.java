package dev.casekeeper.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may call what: every endpoint under /api/v1, with no token, an agent's, a supervisor's and an admin's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests extends ApiTestBase {

    /** Who may call an endpoint: any signed-in agent, supervisors and admins, or admins only. */
    enum Access {
        AGENT,
        SUPERVISOR,
        ADMIN,
        /** No token: a phone system signs each request with its integration's secret. */
        SIGNED
    }

    /** One endpoint; {@code ADMIN} endpoints refuse agents and supervisors, {@code SUPERVISOR} ones refuse agents. */
    record Endpoint(String method, String pattern, Access access) {

        Endpoint(String method, String pattern, boolean adminOnly) {
            this(method, pattern, adminOnly ? Access.ADMIN : Access.AGENT);
        }

        boolean adminOnly() {
            return access == Access.ADMIN;
        }

        /** The pattern with every {placeholder} filled with an id nobody has. */
        String path() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        String body() {
            return method.equals("POST") || method.equals("PATCH") || method.equals("PUT") ? "{}" : null;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/v1/tokens", false),
                new Endpoint("GET", "/api/v1/tokens", false),
                new Endpoint("DELETE", "/api/v1/tokens/{id}", false),
                new Endpoint("POST", "/api/v1/cases", false),
                new Endpoint("GET", "/api/v1/cases", false),
                new Endpoint("GET", "/api/v1/cases/{id}", false),
                new Endpoint("PATCH", "/api/v1/cases/{id}", false),
                new Endpoint("POST", "/api/v1/cases/{id}/replies", false),
                new Endpoint("POST", "/api/v1/cases/{id}/notes", false),
                new Endpoint("POST", "/api/v1/cases/{id}/messages", false),
                new Endpoint("POST", "/api/v1/cases/{id}/assignment", false),
                new Endpoint("POST", "/api/v1/cases/{id}/transfers", false),
                new Endpoint("GET", "/api/v1/cases/{id}/owners", false),
                new Endpoint("GET", "/api/v1/cases/{id}/history", false),
                new Endpoint("GET", "/api/v1/cases/{id}/relations", false),
                new Endpoint("POST", "/api/v1/cases/{id}/merge", false),
                new Endpoint("DELETE", "/api/v1/cases/{id}/merge", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/cases/{id}/links", false),
                new Endpoint("DELETE", "/api/v1/cases/{id}/links/{linkId}", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/cases/{id}/linked-replies", false),
                new Endpoint("POST", "/api/v1/cases/{id}/spam", false),
                new Endpoint("POST", "/api/v1/cases/bulk", false),
                new Endpoint("POST", "/api/v1/cases/{id}/deletion", true),
                new Endpoint("GET", "/api/v1/email/blocked-senders", true),
                new Endpoint("POST", "/api/v1/email/blocked-senders", true),
                new Endpoint("DELETE", "/api/v1/email/blocked-senders/{id}", true),
                new Endpoint("GET", "/api/v1/email/suspended", true),
                new Endpoint("POST", "/api/v1/email/suspended/{id}/release", true),
                new Endpoint("GET", "/api/v1/auto-close", true),
                new Endpoint("PUT", "/api/v1/auto-close/teams/{teamId}", true),
                new Endpoint("GET", "/api/v1/cases/{id}/satisfaction", false),
                new Endpoint("GET", "/api/v1/agents/{id}/compliments", false),
                new Endpoint("POST", "/api/v1/customers", false),
                new Endpoint("GET", "/api/v1/customers", false),
                new Endpoint("GET", "/api/v1/customers/{id}", false),
                new Endpoint("PATCH", "/api/v1/customers/{id}", false),
                new Endpoint("POST", "/api/v1/customers/{id}/identities", false),
                new Endpoint("GET", "/api/v1/customers/{id}/history", false),
                new Endpoint("GET", "/api/v1/customers/{id}/fields", false),
                new Endpoint("PUT", "/api/v1/customers/{id}/fields", false),
                new Endpoint("GET", "/api/v1/customers/{id}/suggestions", false),
                new Endpoint("POST", "/api/v1/customers/{id}/suggestions", false),
                new Endpoint("GET", "/api/v1/customers/{id}/merges", false),
                new Endpoint("POST", "/api/v1/customer-merges", false),
                new Endpoint("GET", "/api/v1/customer-merges", false),
                new Endpoint("GET", "/api/v1/customer-merges/{id}", false),
                new Endpoint("POST", "/api/v1/customer-merges/{id}/confirmation", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/customer-merges/{id}/decline", false),
                new Endpoint("POST", "/api/v1/customer-merges/{id}/undo", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/erasure-requests", false),
                new Endpoint("GET", "/api/v1/erasure-requests/{id}", false),
                new Endpoint("POST", "/api/v1/erasure-requests/{id}/approval", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/erasure-requests/{id}/decline", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/email/attachments/{id}", false),
                new Endpoint("GET", "/api/v1/email/messages/{id}/raw", false),
                new Endpoint("GET", "/api/v1/attachments/web/{id}", false),
                new Endpoint("GET", "/api/v1/attachments/agent/{id}", false),
                new Endpoint("POST", "/api/v1/email/cases", false),
                new Endpoint("GET", "/api/v1/email/sending-mailboxes", false),
                new Endpoint("GET", "/api/v1/email/cases/{id}/addressing", false),
                new Endpoint("POST", "/api/v1/email/cases/{id}/replies", false),
                new Endpoint("POST", "/api/v1/email/cases/{id}/forwards", false),
                new Endpoint("GET", "/api/v1/agents/me", false),
                new Endpoint("POST", "/api/v1/agents/me/password", false),
                new Endpoint("POST", "/api/v1/agents/{id}/password-reset", true),
                new Endpoint("POST", "/api/v1/agents", true),
                new Endpoint("GET", "/api/v1/agents", true),
                new Endpoint("GET", "/api/v1/agents/{id}", true),
                new Endpoint("PATCH", "/api/v1/agents/{id}", true),
                new Endpoint("POST", "/api/v1/teams", true),
                new Endpoint("GET", "/api/v1/teams", true),
                new Endpoint("GET", "/api/v1/teams/{id}", true),
                new Endpoint("PATCH", "/api/v1/teams/{id}", true),
                new Endpoint("POST", "/api/v1/teams/{id}/members", true),
                new Endpoint("DELETE", "/api/v1/teams/{id}/members/{agentId}", true),
                new Endpoint("GET", "/api/v1/macros", false),
                new Endpoint("GET", "/api/v1/macros/placeholders", false),
                new Endpoint("GET", "/api/v1/macros/{id}", false),
                new Endpoint("POST", "/api/v1/macros/{id}/render", false),
                new Endpoint("POST", "/api/v1/macros/{id}/application", false),
                new Endpoint("POST", "/api/v1/macros", true),
                new Endpoint("GET", "/api/v1/fields", false),
                new Endpoint("GET", "/api/v1/fields/{id}", false),
                new Endpoint("POST", "/api/v1/fields", true),
                new Endpoint("PATCH", "/api/v1/fields/{id}", true),
                new Endpoint("DELETE", "/api/v1/fields/{id}", true),
                new Endpoint("GET", "/api/v1/cases/{id}/fields", false),
                new Endpoint("PUT", "/api/v1/cases/{id}/fields", false),
                new Endpoint("GET", "/api/v1/saved-views", false),
                new Endpoint("POST", "/api/v1/saved-views", false),
                new Endpoint("GET", "/api/v1/saved-views/{id}", false),
                new Endpoint("DELETE", "/api/v1/saved-views/{id}", false),
                new Endpoint("GET", "/api/v1/saved-views/{id}/cases", false),
                new Endpoint("PATCH", "/api/v1/macros/{id}", true),
                new Endpoint("DELETE", "/api/v1/macros/{id}", true),
                new Endpoint("POST", "/api/v1/assist/frustration", false),
                new Endpoint("POST", "/api/v1/assist/tone", false),
                new Endpoint("GET", "/api/v1/assist/heated", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/assist/alerts", false),
                new Endpoint("POST", "/api/v1/assist/alerts/{id}/acknowledgement", false),
                new Endpoint("GET", "/api/v1/assist/coaching", false),
                new Endpoint("GET", "/api/v1/cases/{id}/frustration", false),
                new Endpoint("DELETE", "/api/v1/cases/{id}/heated", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/cases/{id}/reply-templates", false),
                new Endpoint("POST", "/api/v1/cases/{id}/closing", false),
                new Endpoint("POST", "/api/v1/cases/{id}/closing/preview", false),
                new Endpoint("GET", "/api/v1/cases/{id}/closing", false),
                new Endpoint("POST", "/api/v1/cases/{id}/handover", false),
                new Endpoint("GET", "/api/v1/notifications", false),
                new Endpoint("POST", "/api/v1/notifications/{id}/read", false),
                new Endpoint("GET", "/api/v1/sla/calendars", false),
                new Endpoint("GET", "/api/v1/sla/calendars/{id}", false),
                new Endpoint("POST", "/api/v1/sla/calendars", true),
                new Endpoint("PUT", "/api/v1/sla/calendars/{id}", true),
                new Endpoint("DELETE", "/api/v1/sla/calendars/{id}", true),
                new Endpoint("GET", "/api/v1/sla/policies", false),
                new Endpoint("GET", "/api/v1/sla/policies/{id}", false),
                new Endpoint("POST", "/api/v1/sla/policies", true),
                new Endpoint("PUT", "/api/v1/sla/policies/{id}", true),
                new Endpoint("DELETE", "/api/v1/sla/policies/{id}", true),
                new Endpoint("GET", "/api/v1/contact-topics", false),
                new Endpoint("GET", "/api/v1/contact-topics/{id}", false),
                new Endpoint("POST", "/api/v1/contact-topics", true),
                new Endpoint("PUT", "/api/v1/contact-topics/{id}", true),
                new Endpoint("DELETE", "/api/v1/contact-topics/{id}", true),
                new Endpoint("GET", "/api/v1/cases/{id}/sla", false),
                new Endpoint("GET", "/api/v1/cases/{id}/followups", false),
                new Endpoint("POST", "/api/v1/cases/{id}/promises", false),
                new Endpoint("POST", "/api/v1/cases/{id}/promise-suggestions", false),
                new Endpoint("GET", "/api/v1/followups", false),
                new Endpoint("POST", "/api/v1/followups/{id}/keep", false),
                new Endpoint("POST", "/api/v1/followups/{id}/withdraw", false),
                new Endpoint("POST", "/api/v1/calls", false),
                new Endpoint("POST", "/api/v1/callbacks", false),
                new Endpoint("GET", "/api/v1/callbacks", false),
                new Endpoint("GET", "/api/v1/callbacks/{id}", false),
                new Endpoint("GET", "/api/v1/cases/{id}/callbacks", false),
                new Endpoint("POST", "/api/v1/callbacks/{id}/take", false),
                new Endpoint("POST", "/api/v1/callbacks/{id}/assignment", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/callbacks/{id}/done", false),
                new Endpoint("GET", "/api/v1/repeat-contacts", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/reports/metrics", false),
                new Endpoint("GET", "/api/v1/reports/metrics/csv", false),
                new Endpoint("POST", "/api/v1/reports/rebuild", true),
                new Endpoint("GET", "/api/v1/reports/customers-at-risk", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/qa/rubric", false),
                new Endpoint("PUT", "/api/v1/qa/rubric", true),
                new Endpoint("POST", "/api/v1/qa/reviews", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/qa/reviews", false),
                new Endpoint("GET", "/api/v1/qa/reviews/{id}", false),
                new Endpoint("POST", "/api/v1/qa/reviews/{id}/acknowledgement", false),
                new Endpoint("GET", "/api/v1/qa/sample", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/qa/scorecards", false),
                new Endpoint("GET", "/api/v1/qa/trend", false),
                new Endpoint("GET", "/api/v1/qa/trend/csv", false),
                new Endpoint("GET", "/api/v1/routing/me", false),
                new Endpoint("PUT", "/api/v1/routing/me/presence", false),
                new Endpoint("POST", "/api/v1/routing/offers/{id}/accept", false),
                new Endpoint("POST", "/api/v1/routing/offers/{id}/decline", false),
                new Endpoint("POST", "/api/v1/routing/contacts", false),
                new Endpoint("GET", "/api/v1/routing/contacts/{id}", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/end", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/abandonment", false),
                new Endpoint("GET", "/api/v1/routing/teams/{id}/queue", false),
                new Endpoint("GET", "/api/v1/routing/agents", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/routing/agents/{id}", Access.SUPERVISOR),
                new Endpoint("PATCH", "/api/v1/routing/agents/{id}", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/routing/teams/{id}", Access.SUPERVISOR),
                new Endpoint("PUT", "/api/v1/routing/teams/{id}", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/routing/abandoned", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/routing/contacts/{id}/live", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/hold", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/resume", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/transfer", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/invitations", false),
                new Endpoint("POST", "/api/v1/routing/contacts/{id}/leave", false),
                new Endpoint("GET", "/api/v1/routing/contacts/{id}/participants", false),
                new Endpoint("GET", "/api/v1/routing/me/invitations", false),
                new Endpoint("POST", "/api/v1/routing/invitations/{id}/accept", false),
                new Endpoint("POST", "/api/v1/routing/invitations/{id}/decline", false),
                new Endpoint("POST", "/api/v1/routing/invitations/{id}/withdraw", false),
                new Endpoint("GET", "/api/v1/routing/holds", false),
                new Endpoint("POST", "/api/v1/routing/supervisor-requests", false),
                new Endpoint("GET", "/api/v1/routing/supervisor-requests", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/routing/supervisor-requests/{id}/take", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/counter/locations", false),
                new Endpoint("POST", "/api/v1/counter/locations", true),
                new Endpoint("GET", "/api/v1/counter/locations/{id}", false),
                new Endpoint("POST", "/api/v1/counter/locations/{id}/reasons", true),
                new Endpoint("GET", "/api/v1/counter/locations/{id}/board", false),
                new Endpoint("GET", "/api/v1/counter/locations/{id}/tickets", false),
                new Endpoint("POST", "/api/v1/counter/locations/{id}/tickets", false),
                new Endpoint("GET", "/api/v1/counter/tickets/{id}", false),
                new Endpoint("GET", "/api/v1/counter/desk", false),
                new Endpoint("PUT", "/api/v1/counter/desk", false),
                new Endpoint("DELETE", "/api/v1/counter/desk", false),
                new Endpoint("POST", "/api/v1/counter/desk/next", false),
                new Endpoint("POST", "/api/v1/counter/tickets/{id}/serve", false),
                new Endpoint("POST", "/api/v1/counter/tickets/{id}/no-show", false),
                new Endpoint("POST", "/api/v1/counter/tickets/{id}/end", false),
                new Endpoint("POST", "/api/v1/counter/tickets/{id}/transfer", false),
                new Endpoint("GET", "/api/v1/knowledge/articles", false),
                new Endpoint("POST", "/api/v1/knowledge/articles", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}", false),
                new Endpoint("PATCH", "/api/v1/knowledge/articles/{id}", false),
                new Endpoint("POST", "/api/v1/knowledge/articles/{id}/state", false),
                new Endpoint("POST", "/api/v1/knowledge/articles/{id}/draft/state", false),
                new Endpoint("DELETE", "/api/v1/knowledge/articles/{id}/draft", false),
                new Endpoint("GET", "/api/v1/knowledge/brand", true),
                new Endpoint("PUT", "/api/v1/knowledge/brand", true),
                new Endpoint("PUT", "/api/v1/knowledge/brand/logo", true),
                new Endpoint("DELETE", "/api/v1/knowledge/brand/logo", true),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/translations", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/revisions", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/diff", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/stats", false),
                new Endpoint("POST", "/api/v1/knowledge/articles/{id}/helped", false),
                new Endpoint("POST", "/api/v1/knowledge/articles/{id}/outdated", false),
                new Endpoint("POST", "/api/v1/knowledge/articles/{id}/files", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/files", false),
                new Endpoint("GET", "/api/v1/knowledge/articles/{id}/files/{fileId}", false),
                new Endpoint("DELETE", "/api/v1/knowledge/articles/{id}/files/{fileId}", false),
                new Endpoint("POST", "/api/v1/knowledge/preview", false),
                new Endpoint("POST", "/api/v1/mailboxes", true),
                new Endpoint("GET", "/api/v1/mailboxes", true),
                new Endpoint("GET", "/api/v1/mailboxes/{id}", true),
                new Endpoint("PUT", "/api/v1/mailboxes/{id}", true),
                new Endpoint("GET", "/api/v1/telephony/integrations", true),
                new Endpoint("POST", "/api/v1/telephony/integrations", true),
                new Endpoint("DELETE", "/api/v1/telephony/integrations/{id}", true),
                new Endpoint("GET", "/api/v1/telephony/teams/{id}", true),
                new Endpoint("PUT", "/api/v1/telephony/teams/{id}", true),
                new Endpoint("POST", "/api/v1/telephony/events", Access.SIGNED),
                new Endpoint("POST", "/api/v1/telephony/twilio/{integrationId}", Access.SIGNED),
                new Endpoint("GET", "/api/v1/telephony/calls/{callId}/queue", Access.SIGNED),
                new Endpoint("GET", "/api/v1/audit", true),
                new Endpoint("GET", "/api/v1/audit/export", true),
                new Endpoint("GET", "/api/v1/webhooks/event-types", true),
                new Endpoint("GET", "/api/v1/webhooks", true),
                new Endpoint("POST", "/api/v1/webhooks", true),
                new Endpoint("GET", "/api/v1/webhooks/{id}", true),
                new Endpoint("PATCH", "/api/v1/webhooks/{id}", true),
                new Endpoint("DELETE", "/api/v1/webhooks/{id}", true),
                new Endpoint("POST", "/api/v1/webhooks/{id}/test", true),
                new Endpoint("GET", "/api/v1/webhooks/{id}/deliveries", true),
                new Endpoint("GET", "/api/v1/webhooks/{id}/deliveries/{deliveryId}", true),
                new Endpoint("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redelivery", true),
                new Endpoint("GET", "/api/v1/action-types", false),
                new Endpoint("GET", "/api/v1/action-types/{id}", false),
                new Endpoint("POST", "/api/v1/action-types", true),
                new Endpoint("PUT", "/api/v1/action-types/{id}", true),
                new Endpoint("GET", "/api/v1/cases/{id}/actions", false),
                new Endpoint("POST", "/api/v1/cases/{id}/actions", false),
                new Endpoint("GET", "/api/v1/cases/{id}/actions/next-steps", false),
                new Endpoint("GET", "/api/v1/actions/{id}", false),
                new Endpoint("POST", "/api/v1/actions/{id}/approval", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/actions/{id}/decline", Access.SUPERVISOR),
                new Endpoint("POST", "/api/v1/actions/{id}/withdrawal", false),
                new Endpoint("POST", "/api/v1/actions/{id}/done", false),
                new Endpoint("GET", "/api/v1/approvals", Access.SUPERVISOR),
                new Endpoint("GET", "/api/v1/automations/vocabulary", true),
                new Endpoint("GET", "/api/v1/automations/triggers", true),
                new Endpoint("POST", "/api/v1/automations/triggers", true),
                new Endpoint("GET", "/api/v1/automations/triggers/{id}", true),
                new Endpoint("PATCH", "/api/v1/automations/triggers/{id}", true),
                new Endpoint("DELETE", "/api/v1/automations/triggers/{id}", true),
                new Endpoint("GET", "/api/v1/automations/triggers/{id}/dry-run", true),
                new Endpoint("GET", "/api/v1/automations/timed", true),
                new Endpoint("POST", "/api/v1/automations/timed", true),
                new Endpoint("GET", "/api/v1/automations/timed/{id}", true),
                new Endpoint("PATCH", "/api/v1/automations/timed/{id}", true),
                new Endpoint("DELETE", "/api/v1/automations/timed/{id}", true),
                new Endpoint("GET", "/api/v1/automations/timed/{id}/dry-run", true),
                new Endpoint("POST", "/api/v1/imports", true),
                new Endpoint("POST", "/api/v1/imports/uploads", true),
                new Endpoint("GET", "/api/v1/imports", true),
                new Endpoint("GET", "/api/v1/imports/{id}", true),
                new Endpoint("GET", "/api/v1/imports/{id}/report", true));
    }

    /** Endpoints that a token opens. */
    static Stream<Endpoint> tokenEndpoints() {
        return endpoints().filter(e -> e.access() != Access.SIGNED);
    }

    static Stream<Endpoint> signedEndpoints() {
        return endpoints().filter(e -> e.access() == Access.SIGNED);
    }

    static Stream<Endpoint> adminEndpoints() {
        return endpoints().filter(Endpoint::adminOnly);
    }

    static Stream<Endpoint> supervisorEndpoints() {
        return endpoints().filter(e -> e.access() == Access.SUPERVISOR);
    }

    static Stream<Endpoint> agentEndpoints() {
        return endpoints().filter(e -> e.access() == Access.AGENT);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Api agent;
    private Api supervisor;
    private Api admin;

    @BeforeAll
    void signIn() {
        agent = newAgent("agent").api();
        supervisor = newAgent("supervisor").api();
        admin = newAgent("admin").api();
    }

    @Test
    void theMatrixListsEveryEndpointOfTheApi() {
        Set<String> mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/v1"))
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                                .map(method -> method.name() + " " + pattern)))
                .collect(Collectors.toSet());

        assertThat(endpoints().map(Endpoint::toString)).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenEndpoints")
    void refusesEveryCallWithoutAToken(Endpoint endpoint) {
        var response = anonymous().send(endpoint.method(), endpoint.path(), endpoint.body());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenEndpoints")
    void refusesEveryCallWithAnUnknownToken(Endpoint endpoint) {
        var response = anonymous().withToken("ck_unknown").send(endpoint.method(), endpoint.path(), endpoint.body());

        assertProblem(response, 401, "invalid-token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminEndpoints")
    void refusesAnAgentOnAdminCalls(Endpoint endpoint) {
        assertProblem(agent.send(endpoint.method(), endpoint.path(), endpoint.body()), 403, "forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminEndpoints")
    void refusesASupervisorOnAdminCalls(Endpoint endpoint) {
        assertProblem(supervisor.send(endpoint.method(), endpoint.path(), endpoint.body()), 403, "forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supervisorEndpoints")
    void refusesAnAgentOnSupervisorCalls(Endpoint endpoint) {
        assertProblem(agent.send(endpoint.method(), endpoint.path(), endpoint.body()), 403, "forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supervisorEndpoints")
    void letsASupervisorMakeSupervisorCalls(Endpoint endpoint) {
        var response = supervisor.send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentEndpoints")
    void letsAnAgentMakeEveryOtherCall(Endpoint endpoint) {
        var response = agent.send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedEndpoints")
    void refusesEverySignedCallWithoutTheIntegrationsSignatureEvenWithAToken(Endpoint endpoint) {
        assertProblem(anonymous().send(endpoint.method(), endpoint.path(), endpoint.body()), 401, "bad-signature");
        assertProblem(admin.send(endpoint.method(), endpoint.path(), endpoint.body()), 401, "bad-signature");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenEndpoints")
    void letsAnAdminMakeEveryCall(Endpoint endpoint) {
        var response = admin.send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
    }

    @Test
    void healthIsPublicAndUp() {
        var health = anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertProblem(anonymous().get("/actuator/prometheus"), 401, "unauthorized");
        assertProblem(agent.get("/actuator/prometheus"), 403, "forbidden");
        assertProblem(supervisor.get("/actuator/prometheus"), 403, "forbidden");

        var metrics = admin.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiDocumentIsPublicAndDescribesTheCaseApi() {
        var document = anonymous().get("/v3/api-docs");

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames())
                .contains("/api/v1/cases", "/api/v1/customers", "/api/v1/tokens");
    }

    @Test
    void theApiExplorerIsPublic() {
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
