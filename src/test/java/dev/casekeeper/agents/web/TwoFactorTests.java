package dev.casekeeper.agents.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second sign-in step and its rules, through the pages: a code used once is refused the second
 * time, wrong codes are limited, a recovery code works once, enrolment is required of the roles
 * admins choose, and API tokens go on working (a password alone mints none).
 */
class TwoFactorTests extends ApiTestBase {

    /** An agent with two-factor sign-in set up through their account page, and their app and recovery codes. */
    private record Enrolled(Caller agent, AuthenticatorApp app, List<String> recoveryCodes) {}

    private Enrolled enrolled(String role) throws Exception {
        var agent = newAgent(role);
        var session = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        session.get("/account/two-factor");
        var started = session.post("/account/two-factor/enrolment", Map.of());
        assertThat(started.header("Cache-Control")).contains("no-store");
        var app =
                new AuthenticatorApp(started.html().select("#two-factor-secret").text());
        var confirmed = session.post("/account/two-factor/confirmation", Map.of("code", app.nextCode()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        var codes = confirmed.html().select("#recovery-codes li code").eachText();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolled(agent, app, codes);
    }

    private WebSession passwordOnly(String email) {
        var session = WebSession.anonymous(port);
        var answer = session.tryToSignIn(email, PASSWORD);
        assertThat(answer.location()).endsWith("/login/code");
        session.get("/login/code");
        return session;
    }

    @Test
    void aRightPasswordAloneDoesNotSignAnEnrolledAgentIn() throws Exception {
        var enrolled = enrolled("agent");
        var session = passwordOnly(enrolled.agent().email());

        var page = session.get("/account");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aCodeUsedOnceIsRefusedTheSecondTimeAndTheNextOneSignsIn() throws Exception {
        var enrolled = enrolled("agent");
        var session = passwordOnly(enrolled.agent().email());

        var replayed = session.post("/login/code", Map.of("code", enrolled.app().lastCode()));
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.html().select("#login-error").text()).contains("wrong or was used already");

        var signedIn = session.post("/login/code", Map.of("code", enrolled.app().nextCode()));
        assertThat(signedIn.location()).endsWith("/");
        assertThat(session.get("/account").status()).isEqualTo(200);
        assertThat(kinds(enrolled.agent().email())).containsSubsequence("sign_in", "two_factor_code_refused");
    }

    @Test
    void afterFiveWrongCodesEvenTheRightOneIsRefusedAndTheAgentSignsInAgain() throws Exception {
        var enrolled = enrolled("agent");
        var session = passwordOnly(enrolled.agent().email());
        for (int i = 0; i < 5; i++) {
            assertThat(session.post("/login/code", Map.of("code", "000000")).status())
                    .isEqualTo(422);
        }

        var locked = session.post("/login/code", Map.of("code", enrolled.app().nextCode()));

        assertThat(locked.location()).endsWith("/login?codeLocked");
        assertThat(session.get("/account").status()).isEqualTo(302);
        var again = passwordOnly(enrolled.agent().email());
        // The code the lock-out refused was not used up: it would sign in now but for the lock-out
        // (a used or wrong code is answered 422, not sent back to sign in). A newer one would mean
        // waiting up to 30 s for the authenticator's next step.
        var refusedCode = enrolled.app().lastCode();
        assertThat(again.post("/login/code", Map.of("code", refusedCode)).location())
                .as("still refused while the lock-out lasts")
                .endsWith("/login?codeLocked");
        assertThat(again.get("/account").status()).isEqualTo(302);
        assertThat(kinds(enrolled.agent().email()).stream()
                        .filter("two_factor_code_refused"::equals)
                        .count())
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfACode() throws Exception {
        var enrolled = enrolled("agent");
        String recovery = enrolled.recoveryCodes().get(3);

        var first = passwordOnly(enrolled.agent().email());
        assertThat(first.post("/login/code", Map.of("code", recovery.toUpperCase()))
                        .location())
                .endsWith("/");
        var second = passwordOnly(enrolled.agent().email());
        assertThat(second.post("/login/code", Map.of("code", recovery)).status())
                .isEqualTo(422);

        assertThat(first.get("/account/two-factor")
                        .html()
                        .select("#two-factor-on")
                        .text())
                .contains("Recovery codes left: 9");
    }

    @Test
    void apiTokensKeepWorkingButAPasswordAloneMintsNone() throws Exception {
        var enrolled = enrolled("agent");

        assertThat(enrolled.agent().api().get("/api/v1/agents/me").status()).isEqualTo(200);
        var minted = anonymous()
                .withBasic(enrolled.agent().email(), PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "script"));
        assertThat(minted.status()).isEqualTo(401);
    }

    @Test
    void anAgentOfAnEnforcedRoleIsSentToSetUpASecondFactorAfterTheirPassword() throws Exception {
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/two-factor");
        assertThat(admin.post("/admin/two-factor", Map.of("roles", "supervisor"))
                        .status())
                .isEqualTo(302);
        try {
            var supervisor = newAgent("supervisor");
            var session = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);

            var home = session.get("/");
            assertThat(home.status()).isEqualTo(302);
            assertThat(home.location()).endsWith("/account/two-factor");
            var page = session.get("/account/two-factor");
            assertThat(page.html().select("#two-factor-required")).isNotEmpty();
            var started = session.post("/account/two-factor/enrolment", Map.of());
            var app = new AuthenticatorApp(
                    started.html().select("#two-factor-secret").text());
            session.post("/account/two-factor/confirmation", Map.of("code", app.nextCode()));

            assertThat(session.get("/").status()).isEqualTo(200);
            assertThat(supervisor.api().get("/api/v1/agents/me").status())
                    .as("API tokens are not affected")
                    .isEqualTo(200);
        } finally {
            admin.get("/admin/two-factor");
            admin.post("/admin/two-factor", Map.of());
        }
    }

    @Test
    void aSecondFactorMadeRequiredAppliesFromTheNextSignIn() {
        var supervisor = newAgent("supervisor");
        var signedInBefore = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/two-factor");
        assertThat(admin.post("/admin/two-factor", Map.of("roles", "supervisor"))
                        .status())
                .isEqualTo(302);
        try {
            var signedInAfter = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);

            assertThat(signedInBefore.get("/").status())
                    .as("decided at sign-in, kept in the session")
                    .isEqualTo(200);
            assertThat(signedInAfter.get("/").location()).endsWith("/account/two-factor");
        } finally {
            admin.get("/admin/two-factor");
            admin.post("/admin/two-factor", Map.of());
        }
    }

    @Test
    void anAgentTurnsTheSecondFactorOffWithACode() throws Exception {
        var enrolled = enrolled("agent");
        var session = passwordOnly(enrolled.agent().email());
        session.post("/login/code", Map.of("code", enrolled.recoveryCodes().getFirst()));
        session.get("/account/two-factor");

        assertThat(session.post("/account/two-factor/disable", Map.of("code", "123456"))
                        .status())
                .isEqualTo(422);
        session.get("/account/two-factor");
        var off = session.post(
                "/account/two-factor/disable",
                Map.of("code", enrolled.recoveryCodes().get(1)));

        assertThat(off.location()).endsWith("/account/two-factor");
        assertThat(WebSession.anonymous(port)
                        .tryToSignIn(enrolled.agent().email(), PASSWORD)
                        .location())
                .endsWith("/");
        assertThat(kinds(enrolled.agent().email())).contains("two_factor_disabled", "two_factor_enrolled");
    }

    private List<String> kinds(String email) {
        return admin().get("/api/v1/audit?limit=200&actor=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .json()
                .get("items")
                .valueStream()
                .map(e -> e.get("kind").asString())
                .toList();
    }
}
