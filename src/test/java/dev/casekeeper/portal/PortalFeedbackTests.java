package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After the conversation, in the portal: the customer marks her case solved, reopens it within the
 * reopen period (after it, her message opens a linked follow-up), rates the solve once and changes
 * the rating for a week, praises the agent (who, with the supervisor, is told, and keeps it on their
 * profile) and complains (a complaint case opens for the team's supervisor, with its own SLA policy,
 * linked from the original case). Bad input changes nothing.
 */
@MovesTime
class PortalFeedbackTests extends FeedbackTestBase {

    @Test
    void theCustomerMarksHerCaseSolvedAndReopensItWithinThePeriod() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Printer offline");
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());

        var solved = session.post("/portal/cases/" + kase.number() + "/solved", Map.of());

        assertThat(solved.status()).isEqualTo(302);
        assertThat(status(kase.id())).isEqualTo("solved");
        var byHer = events(kase.id(), "status_changed").getLast();
        assertThat(byHer.get("authorKind").asString()).isEqualTo("customer");
        assertThat(byHer.get("data").get("to").asString()).isEqualTo("solved");
        var page = session.get("/portal/cases/" + kase.number());
        assertThat(page.html().select("#feedback-done").text()).contains("marked solved");
        assertThat(page.html().select("#reopen-hint").text()).contains("reopen this request until");
        assertThat(page.html().select("#rating-form")).isNotEmpty();

        var reopened = session.post("/portal/cases/" + kase.number() + "/reopen", Map.of());

        assertThat(reopened.status()).isEqualTo(302);
        assertThat(status(kase.id())).isEqualTo("open");
        assertThat(events(kase.id(), "status_changed")
                        .getLast()
                        .get("authorKind")
                        .asString())
                .isEqualTo("customer");
        // She told us herself: no solve mail asks her how we did.
        assertThat(mailsAbout(kase.customer().email(), kase.number()))
                .noneMatch(m -> body(m).contains("/portal/rate/"));
    }

    @Test
    void afterTheReopenPeriodHerMessageOpensALinkedFollowUpInstead() {
        var desk = desk();
        // This team never closes solved cases by itself: only the reopen period is at work here.
        var kept = admin().send("PUT", "/api/v1/auto-close/teams/" + desk.team(), Map.of("days", 0));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Router blinking");
        solve(desk, kase);
        var session = signInCustomer(kase.customer());
        TestClock.INSTANCE.advance(Duration.ofDays(8));
        var page = session.get("/portal/cases/" + kase.number());
        assertThat(page.html().select("#reopen-form")).isEmpty();
        assertThat(page.html().select("#reopen-over").text()).contains("solved a while ago");

        var refused = session.post("/portal/cases/" + kase.number() + "/reopen", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#feedback-done").text()).contains("can no longer be reopened");
        assertThat(status(kase.id())).isEqualTo("solved");

        var reply = session.post("/portal/cases/" + kase.number() + "/replies", Map.of("body", "It blinks red again."));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).doesNotEndWith("/portal/cases/" + kase.number());
        assertThat(status(kase.id())).isEqualTo("closed");
        long followUp = Long.parseLong(reply.location().replaceAll(".*/", ""));
        var opened = session.get("/portal/cases/" + followUp);
        assertThat(opened.html().select("#reply-sent").text()).contains("opened this new request");
        assertThat(opened.body()).contains("It blinks red again.");
    }

    @Test
    void aRatingIsOnePerSolveChangeableForAWeekAndTheOwnerIsTold() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Invoice wrong");
        solve(desk, kase);
        var session = signInCustomer(kase.customer());
        var page = session.get("/portal/cases/" + kase.number());
        String solvedAt =
                page.html().select("#rating-form input[name=solvedAt]").val();

        var rated = session.post(
                "/portal/cases/" + kase.number() + "/rating",
                Map.of("score", "bad", "comment", "Took three weeks.", "solvedAt", solvedAt));

        assertThat(rated.status()).isEqualTo(302);
        var ratings = satisfaction(desk.agent(), kase.id()).get("ratings");
        assertThat(ratings.size()).isEqualTo(1);
        assertThat(ratings.get(0).get("score").asString()).isEqualTo("bad");
        assertThat(ratings.get(0).get("comment").asString()).isEqualTo("Took three weeks.");
        assertThat(ratings.get(0).get("source").asString()).isEqualTo("portal");
        assertThat(ratings.get(0).get("ownerId").asString())
                .isEqualTo(desk.agent().id().toString());
        assertThat(notifications(desk.agent(), "satisfaction_rated"))
                .anyMatch(n -> n.get("text").asString().contains("rated it bad"));
        assertThat(events(kase.id(), "satisfaction_rated")).hasSize(1);

        session.get("/portal/cases/" + kase.number());
        session.post(
                "/portal/cases/" + kase.number() + "/rating",
                Map.of("score", "okay", "comment", "Fixed in the end.", "solvedAt", solvedAt));
        ratings = satisfaction(desk.agent(), kase.id()).get("ratings");
        assertThat(ratings.size()).isEqualTo(1);
        assertThat(ratings.get(0).get("score").asString()).isEqualTo("okay");
        assertThat(events(kase.id(), "satisfaction_rated")
                        .getLast()
                        .get("data")
                        .get("changed")
                        .asBoolean())
                .isTrue();

        TestClock.INSTANCE.advance(Duration.ofDays(8));
        session.get("/portal/cases/" + kase.number());
        var late = session.post(
                "/portal/cases/" + kase.number() + "/rating", Map.of("score", "good", "solvedAt", solvedAt));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.html().select("#rating-error").text()).contains("can no longer be changed");
        assertThat(satisfaction(desk.agent(), kase.id())
                        .get("ratings")
                        .get(0)
                        .get("score")
                        .asString())
                .isEqualTo("okay");
    }

    @Test
    void aRatingOfAnOpenCaseOrWithoutAScoreIsRefusedAndChangesNothing() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Modem dead");
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());

        var open = session.post(
                "/portal/cases/" + kase.number() + "/rating",
                Map.of("score", "good", "solvedAt", "2026-01-01T00:00:00Z"));
        assertThat(open.status()).isEqualTo(409);

        solve(desk, kase);
        var page = session.get("/portal/cases/" + kase.number());
        String solvedAt =
                page.html().select("#rating-form input[name=solvedAt]").val();
        var noScore = session.post(
                "/portal/cases/" + kase.number() + "/rating", Map.of("comment", "Hm", "solvedAt", solvedAt));
        assertThat(noScore.status()).isEqualTo(400);
        assertThat(noScore.html().select("#rating-error").text()).contains("Choose good, okay or bad");
        var tooLong = session.post(
                "/portal/cases/" + kase.number() + "/rating",
                Map.of("score", "good", "comment", "x".repeat(2_001), "solvedAt", solvedAt));
        assertThat(tooLong.status()).isEqualTo(400);

        assertThat(satisfaction(desk.agent(), kase.id()).get("ratings").size()).isZero();
        assertThat(events(kase.id(), "satisfaction_rated")).isEmpty();
    }

    @Test
    void aComplimentReachesTheAgentAndTheSupervisorAndStaysOnTheAgentsProfile() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Shower curtain");
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());

        var sent = session.post(
                "/portal/cases/" + kase.number() + "/compliments", Map.of("text", "Your agent was patient and kind."));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(notifications(desk.agent(), "compliment")).hasSize(1);
        assertThat(notifications(desk.supervisor(), "compliment")).hasSize(1);
        var colleague = newAgent("agent");
        var profile = colleague.api().get("/api/v1/agents/" + desk.agent().id() + "/compliments");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("compliments").get(0).get("text").asString())
                .isEqualTo("Your agent was patient and kind.");
        assertThat(events(kase.id(), "compliment_received")
                        .getFirst()
                        .get("authorKind")
                        .asString())
                .isEqualTo("customer");
        assertThat(satisfaction(desk.agent(), kase.id()).get("compliments").size())
                .isEqualTo(1);
    }

    @Test
    void aComplaintOpensALinkedComplaintCaseOwnedByTheSupervisorUnderTheComplaintPolicy() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Technician late");
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());

        var sent = session.post(
                "/portal/cases/" + kase.number() + "/complaints",
                Map.of("text", "Three hours late and nobody called."));

        assertThat(sent.status()).isEqualTo(302);
        var complaints = satisfaction(desk.agent(), kase.id()).get("complaints");
        assertThat(complaints.size()).isEqualTo(1);
        var complaintId = complaints.get(0).get("complaintCaseId").asString();
        long complaintNumber = complaints.get(0).get("complaintCaseNumber").asLong();
        assertThat(sent.location()).endsWith("/portal/cases/" + complaintNumber);
        var complaint = admin().get("/api/v1/cases/" + complaintId).json();
        assertThat(complaint.get("ownerId").asString())
                .isEqualTo(desk.supervisor().id().toString());
        assertThat(complaint.get("priority").asString()).isEqualTo("high");
        assertThat(complaint.get("tags").valueStream().map(t -> t.asString())).contains("complaint");
        assertThat(complaint.get("subject").asString()).contains("#" + kase.number());
        var sla = desk.supervisor().api().get("/api/v1/cases/" + complaintId + "/sla");
        assertThat(sla.text()).contains("Complaints");
        assertThat(events(kase.id(), "complaint_opened")
                        .getFirst()
                        .get("data")
                        .get("complaintNumber")
                        .asLong())
                .isEqualTo(complaintNumber);
        assertThat(events(java.util.UUID.fromString(complaintId), "complaint_about")
                        .getFirst()
                        .get("data")
                        .get("number")
                        .asLong())
                .isEqualTo(kase.number());
        assertThat(notifications(desk.supervisor(), "complaint")).hasSize(1);
        // The customer sees her complaint among her requests.
        assertThat(session.get("/portal").body()).contains("Complaint about request #" + kase.number());
    }

    @Test
    void aBlankOrTooLongComplimentOrComplaintIsRefusedAndChangesNothing() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Parcel lost");
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());

        var blank = session.post("/portal/cases/" + kase.number() + "/complaints", Map.of("text", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#complaint-error").text()).contains("Write a few words");
        var long_ = session.post("/portal/cases/" + kase.number() + "/compliments", Map.of("text", "x".repeat(5_001)));
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.html().select("#compliment-error").text()).contains("Too long");

        var said = satisfaction(desk.agent(), kase.id());
        assertThat(said.get("complaints").size()).isZero();
        assertThat(said.get("compliments").size()).isZero();
    }

    @Test
    void nobodyNotSignedInMarksRatesOrRemarksOnACase() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Not without a sign-in");
        var anonymous = browser();
        anonymous.get("/portal/sign-in");

        for (var path : List.of("/solved", "/reopen", "/rating", "/compliments", "/complaints")) {
            var response = anonymous.post(
                    "/portal/cases/" + kase.number() + path,
                    Map.of("text", "mine", "score", "bad", "solvedAt", "2026-01-01T00:00:00Z"));
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.location()).as(path).endsWith("/portal/sign-in");
        }
        assertThat(status(kase.id())).isEqualTo("new");
        var said = satisfaction(desk.agent(), kase.id());
        assertThat(said.get("ratings").size()).isZero();
        assertThat(said.get("complaints").size()).isZero();
        assertThat(said.get("compliments").size()).isZero();
    }

    @Test
    void aSecondCustomerReachesNoneOfTheFirstOnesCaseRatingOrRemarks() {
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Private matter of Maria");
        var lee = signInCustomer(newCustomer("Lee Chen"));
        lee.get("/portal");

        for (var path : List.of("/solved", "/reopen", "/rating", "/compliments", "/complaints")) {
            var response = lee.post(
                    "/portal/cases/" + kase.number() + path,
                    Map.of("text", "mine", "score", "bad", "solvedAt", "2026-01-01T00:00:00Z"));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Private matter of Maria");
        }
        assertThat(status(kase.id())).isEqualTo("new");
        var said = satisfaction(desk.agent(), kase.id());
        assertThat(said.get("ratings").size()).isZero();
        assertThat(said.get("complaints").size()).isZero();
        assertThat(said.get("compliments").size()).isZero();
        assertThat(events(kase.id(), "status_changed")).isEmpty();
    }
}
