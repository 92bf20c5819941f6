package dev.casekeeper.agents.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
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

/** Every admin page and form refuses agents and supervisors with the 403 page, and sends strangers to sign in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesAccessTests extends ApiTestBase {

    record AdminPage(String method, String pattern) {

        String path() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Stream<AdminPage> adminPages() {
        return Stream.of(
                new AdminPage("GET", "/admin"),
                new AdminPage("GET", "/admin/agents"),
                new AdminPage("GET", "/admin/help-center"),
                new AdminPage("POST", "/admin/help-center"),
                new AdminPage("POST", "/admin/help-center/logo"),
                new AdminPage("POST", "/admin/help-center/logo/removal"),
                new AdminPage("GET", "/admin/agents/new"),
                new AdminPage("POST", "/admin/agents"),
                new AdminPage("GET", "/admin/agents/{id}"),
                new AdminPage("POST", "/admin/agents/{id}"),
                new AdminPage("POST", "/admin/agents/{id}/deactivation"),
                new AdminPage("POST", "/admin/agents/{id}/activation"),
                new AdminPage("POST", "/admin/agents/{id}/password-reset"),
                new AdminPage("GET", "/admin/teams"),
                new AdminPage("POST", "/admin/teams"),
                new AdminPage("GET", "/admin/teams/{id}"),
                new AdminPage("POST", "/admin/teams/{id}"),
                new AdminPage("POST", "/admin/teams/{id}/members"),
                new AdminPage("POST", "/admin/teams/{id}/members/{agentId}/removal"),
                new AdminPage("GET", "/admin/tokens"),
                new AdminPage("POST", "/admin/tokens"),
                new AdminPage("POST", "/admin/tokens/{id}/revocation"),
                new AdminPage("GET", "/admin/fields"),
                new AdminPage("GET", "/admin/fields/new"),
                new AdminPage("POST", "/admin/fields"),
                new AdminPage("GET", "/admin/fields/{id}"),
                new AdminPage("POST", "/admin/fields/{id}"),
                new AdminPage("POST", "/admin/fields/{id}/deletion"),
                new AdminPage("GET", "/admin/macros"),
                new AdminPage("GET", "/admin/macros/new"),
                new AdminPage("POST", "/admin/macros"),
                new AdminPage("POST", "/admin/macros/preview"),
                new AdminPage("GET", "/admin/macros/{id}"),
                new AdminPage("POST", "/admin/macros/{id}"),
                new AdminPage("POST", "/admin/macros/{id}/deletion"),
                new AdminPage("GET", "/admin/calendars"),
                new AdminPage("GET", "/admin/calendars/new"),
                new AdminPage("POST", "/admin/calendars"),
                new AdminPage("GET", "/admin/calendars/{id}"),
                new AdminPage("POST", "/admin/calendars/{id}"),
                new AdminPage("POST", "/admin/calendars/{id}/deletion"),
                new AdminPage("GET", "/admin/policies"),
                new AdminPage("GET", "/admin/policies/new"),
                new AdminPage("POST", "/admin/policies"),
                new AdminPage("GET", "/admin/policies/{id}"),
                new AdminPage("POST", "/admin/policies/{id}"),
                new AdminPage("POST", "/admin/policies/{id}/deletion"),
                new AdminPage("GET", "/admin/mailboxes"),
                new AdminPage("GET", "/admin/mailboxes/new"),
                new AdminPage("POST", "/admin/mailboxes"),
                new AdminPage("GET", "/admin/mailboxes/{id}"),
                new AdminPage("POST", "/admin/mailboxes/{id}"),
                new AdminPage("GET", "/admin/blocked"),
                new AdminPage("POST", "/admin/blocked"),
                new AdminPage("POST", "/admin/blocked/{id}/removal"),
                new AdminPage("POST", "/admin/blocked/suspended/{id}/release"),
                new AdminPage("GET", "/admin/counter"),
                new AdminPage("POST", "/admin/counter/locations"),
                new AdminPage("POST", "/admin/counter/locations/{id}/reasons"),
                new AdminPage("GET", "/admin/contact-topics"),
                new AdminPage("POST", "/admin/contact-topics"),
                new AdminPage("POST", "/admin/contact-topics/{id}"),
                new AdminPage("POST", "/admin/contact-topics/{id}/delete"),
                new AdminPage("GET", "/admin/webhooks"),
                new AdminPage("POST", "/admin/webhooks"),
                new AdminPage("GET", "/admin/webhooks/{id}"),
                new AdminPage("POST", "/admin/webhooks/{id}"),
                new AdminPage("POST", "/admin/webhooks/{id}/enabled"),
                new AdminPage("POST", "/admin/webhooks/{id}/test"),
                new AdminPage("POST", "/admin/webhooks/{id}/delete"),
                new AdminPage("GET", "/admin/webhooks/{id}/deliveries/{deliveryId}"),
                new AdminPage("POST", "/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery"),
                new AdminPage("GET", "/admin/actions"),
                new AdminPage("GET", "/admin/actions/new"),
                new AdminPage("POST", "/admin/actions"),
                new AdminPage("GET", "/admin/actions/{id}"),
                new AdminPage("POST", "/admin/actions/{id}"),
                new AdminPage("GET", "/admin/automations"),
                new AdminPage("GET", "/admin/automations/new"),
                new AdminPage("POST", "/admin/automations"),
                new AdminPage("GET", "/admin/automations/{id}"),
                new AdminPage("POST", "/admin/automations/{id}"),
                new AdminPage("POST", "/admin/automations/{id}/deletion"),
                new AdminPage("GET", "/admin/automations/{id}/dry-run"),
                new AdminPage("GET", "/admin/imports"),
                new AdminPage("POST", "/admin/imports"),
                new AdminPage("POST", "/admin/imports/uploads"),
                new AdminPage("GET", "/admin/imports/{id}"),
                new AdminPage("GET", "/admin/two-factor"),
                new AdminPage("POST", "/admin/two-factor"),
                new AdminPage("GET", "/admin/audit"),
                new AdminPage("GET", "/admin/audit/export"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private WebSession agent;
    private WebSession supervisor;
    private WebSession admin;

    @BeforeAll
    void signIn() {
        agent = WebSession.anonymous(port).signIn(newAgent("agent").email(), PASSWORD);
        supervisor = WebSession.anonymous(port).signIn(newAgent("supervisor").email(), PASSWORD);
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void theListNamesEveryAdminPage() {
        Set<String> mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.equals("/admin") || pattern.startsWith("/admin/"))
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                                .map(method -> method.name() + " " + pattern)))
                .collect(Collectors.toSet());

        assertThat(adminPages().map(AdminPage::toString)).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void anAgentGetsTheForbiddenPage(AdminPage page) {
        var answer = send(agent, page);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.html().select("h1").text()).isEqualTo("Not for your role");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void aSupervisorGetsTheForbiddenPage(AdminPage page) {
        assertThat(send(supervisor, page).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void someoneSignedOutIsSentToSignIn(AdminPage page) {
        var stranger = WebSession.anonymous(port);
        stranger.get("/login");

        var answer = send(stranger, page);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adminPages")
    void anAdminIsLetIn(AdminPage page) {
        var answer = send(admin, page);

        assertThat(answer.status()).as(answer.toString()).isNotIn(401, 403).isLessThan(500);
    }

    @Test
    void onlyAdminsSeeTheLinkToAdministration() {
        assertThat(agent.get("/account").html().select("#admin-link")).isEmpty();
        assertThat(admin.get("/account").html().select("#admin-link").attr("href"))
                .isEqualTo("/admin");
    }

    private static WebSession.Page send(WebSession session, AdminPage page) {
        if (page.method().equals("GET")) {
            return session.get(page.path());
        }
        session.get("/account");
        return session.post(page.path(), Map.of());
    }
}
