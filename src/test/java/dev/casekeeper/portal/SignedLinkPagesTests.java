package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages customers open from our mail without signing in: every reply carries a signed link to
 * the case's status page (its facts and promises, nothing else), the solve mail a link per rating,
 * and no link can be forged, moved to another case, used for the other page, or used once expired.
 */
@MovesTime
class SignedLinkPagesTests extends FeedbackTestBase {

    @Test
    void aReplyCarriesAStatusLinkThatShowsTheStatusAndNothingElse() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Activation key gone");
        var promise = desk.agent()
                .api()
                .post(
                        "/api/v1/cases/" + kase.id() + "/promises",
                        Map.of(
                                "text",
                                "Send a new key",
                                "dueAt",
                                TestClock.INSTANCE.instant().plus(Duration.ofDays(1))));
        assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
        reply(desk, kase, "We are looking into your key, secret detail 4711.");

        var page = open(statusPath(kase));

        assertThat(page.status()).isEqualTo(200);
        var content = page.html().select("#content").text();
        assertThat(content)
                .contains("#" + kase.number() + ": Activation key gone")
                .contains("We are working on it")
                .contains("Agent")
                .contains("Send a new key");
        assertThat(page.body())
                .doesNotContain("secret detail 4711")
                .doesNotContain("Please help")
                .doesNotContain(kase.customer().email())
                .doesNotContain(desk.agent().email());
        assertThat(page.html().select("form")).isEmpty();
    }

    @Test
    void theSolveMailRatesWithOneClickAndLetsTheCustomerComplainWithoutSigningIn() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Charged twice");
        solve(desk, kase);
        String rate = ratePath(kase);
        assertThat(body(awaitMailAbout(kase.customer().email(), kase.number(), 1)))
                .contains("as solved", "?score=good", "?score=okay", "?score=bad", "/portal/status/");
        var customer = browser();

        // The link opens a page that sends the score at once (a script; scanners that fetch links send nothing).
        var opened = customer.get(rate + "?score=bad");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.html().select("#rating-form").attr("data-autosubmit")).isEqualTo("true");
        assertThat(opened.html().select("#score-bad").hasAttr("checked")).isTrue();
        assertThat(satisfaction(desk.agent(), kase.id()).get("ratings").size()).isZero();

        var rated = customer.post(rate, Map.of("score", "bad", "comment", "Still charged twice."));
        assertThat(rated.status()).isEqualTo(302);
        var rating = satisfaction(desk.agent(), kase.id()).get("ratings").get(0);
        assertThat(rating.get("score").asString()).isEqualTo("bad");
        assertThat(rating.get("source").asString()).isEqualTo("email");
        var again = customer.get(rate + "?score=bad");
        assertThat(again.html().select("#rating-given").text()).contains("Bad");
        assertThat(again.html().select("#rating-form").attr("data-autosubmit")).isEmpty();

        var complained = customer.post(rate + "/complaint", Map.of("text", "I was charged twice and nobody cares."));
        assertThat(complained.status()).isEqualTo(302);
        var complaints = satisfaction(desk.agent(), kase.id()).get("complaints");
        assertThat(complaints.size()).isEqualTo(1);
        assertThat(complaints.get(0).get("supervisorId").asString())
                .isEqualTo(desk.supervisor().id().toString());
        assertThat(customer.get(rate).html().select("#feedback-done").text())
                .contains("#" + complaints.get(0).get("complaintCaseNumber").asLong());
    }

    @Test
    void aLinkCannotBeForgedMovedToAnotherCaseOrUsedForTheOtherPage() {
        var desk = desk();
        var mine = emailCase(desk, newCustomer("Maria Lopez"), "Mine");
        var theirs = emailCase(desk, newCustomer("Lee Chen"), "Private matter of Lee");
        reply(desk, mine, "First answer.");
        solve(desk, mine);
        String status = statusPath(mine);
        String rate = ratePath(mine);
        String token = status.substring("/portal/status/".length());

        // The payload rewritten to name the other case, the signature kept.
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String moved = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        payload.replace(mine.id().toString(), theirs.id().toString())
                                .getBytes(StandardCharsets.UTF_8));
        // A token without a signature ("alg": "none").
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + moved + ".";

        for (String path : new String[] {
            "/portal/status/" + parts[0] + "." + moved + "." + parts[2],
            "/portal/status/" + unsigned,
            "/portal/status/" + parts[0] + "." + parts[1] + "." + tampered(parts[2]),
            "/portal/status/not-a-token",
            "/portal/status/" + rate.substring("/portal/rate/".length()),
            "/portal/rate/" + token,
            "/portal/rate/" + token + "?score=bad"
        }) {
            var page = open(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.html().select("#link-invalid")).as(path).isNotEmpty();
            assertThat(page.body())
                    .as(path)
                    .doesNotContain("Private matter of Lee")
                    .doesNotContain("Mine");
        }
        var forged = browser();
        forged.get("/portal/sign-in");
        assertThat(forged.post("/portal/rate/" + token, Map.of("score", "bad")).status())
                .isEqualTo(404);
        assertThat(satisfaction(desk.agent(), mine.id()).get("ratings").size()).isZero();
        assertThat(open(status).status()).isEqualTo(200);
    }

    @Test
    void aLinkExpiresAfterTheLinkLifetime() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Old request");
        reply(desk, kase, "An answer.");
        String status = statusPath(kase);
        assertThat(open(status).status()).isEqualTo(200);

        TestClock.INSTANCE.advance(Duration.ofDays(31));

        var expired = open(status);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.html().select("#link-invalid").text()).contains("expired");
    }

    @Test
    void aRatingLinkOfAnEarlierSolveRatesNothingOnceTheCaseWasReopened() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Came back");
        solve(desk, kase);
        String rate = ratePath(kase);
        var reopened = desk.agent().api().patch("/api/v1/cases/" + kase.id(), Map.of("status", "open"));
        assertThat(reopened.status()).isEqualTo(200);
        var customer = browser();

        var page = customer.get(rate + "?score=good");
        assertThat(page.html().select("#not-rateable")).isNotEmpty();
        assertThat(page.html().select("#rating-form")).isEmpty();
        var posted = customer.post(rate, Map.of("score", "good"));

        assertThat(posted.status()).isEqualTo(409);
        assertThat(satisfaction(desk.agent(), kase.id()).get("ratings").size()).isZero();
    }

    /**
     * The signature with one character in its middle changed: every bit of it counts (the last
     * character of unpadded base64 carries bits the decoder drops, so changing it may change nothing).
     */
    private static String tampered(String signature) {
        int middle = signature.length() / 2;
        char other = signature.charAt(middle) == 'A' ? 'B' : 'A';
        return signature.substring(0, middle) + other + signature.substring(middle + 1);
    }
}
