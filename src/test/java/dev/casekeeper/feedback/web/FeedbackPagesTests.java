package dev.casekeeper.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.feedback.FeedbackManagement;
import dev.casekeeper.feedback.RatingSource;
import dev.casekeeper.feedback.Score;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What agents see of customer feedback: the case page's feedback panel (the rating with its comment,
 * the complaint case linked both ways) for whoever may see the case, and an agent's compliments for
 * every agent.
 */
class FeedbackPagesTests extends ApiTestBase {

    @Autowired
    FeedbackManagement feedback;

    @Autowired
    CaseLookup lookup;

    @Test
    void theCasePageShowsTheRatingAndTheComplaintLinkedBothWays() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        newAgent("supervisor", team);
        var id = new CaseId(openCase(agent.api(), team, "Feedback panel"));
        agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().patch("/api/v1/cases/" + id, Map.of("status", "solved"));
        var kase = lookup.summary(id);
        feedback.rate(id, kase.solvedAt(), kase.requesterId(), Score.BAD, "Took too long.", RatingSource.PORTAL);
        var complaint = feedback.complain(id, kase.requesterId(), "Complaint about the panel", "Nobody called back.");
        var web = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var panel = web.getPart("/cases/" + kase.number() + "/feedback");

        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.html().select(".feedback-rating").attr("data-score")).isEqualTo("bad");
        assertThat(panel.html().select(".feedback-rating").text()).contains("Bad", "in the portal", "Took too long.");
        assertThat(panel.html().select(".feedback-complaint a").attr("href"))
                .endsWith("/cases/" + complaint.complaintCaseNumber());
        var other = web.getPart("/cases/" + complaint.complaintCaseNumber() + "/feedback");
        assertThat(other.html().select(".feedback-complaint").text()).contains("complaint about");
        assertThat(other.html().select(".feedback-complaint a").attr("href")).endsWith("/cases/" + kase.number());
        assertThat(web.get("/cases/" + kase.number()).html().select("#feedback-panel"))
                .isNotEmpty();
    }

    @Test
    void anAgentOfAnotherTeamSeesNoFeedbackOfTheCase() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var outsider = newAgent("agent", newTeam());
        var id = openCase(agent.api(), team, "Not for outsiders");
        long number = lookup.summary(new CaseId(id)).number();

        var page =
                WebSession.anonymous(port).signIn(outsider.email(), PASSWORD).getPart("/cases/" + number + "/feedback");

        assertThat(page.status()).isEqualTo(404);
        assertThat(outsider.api().get("/api/v1/cases/" + id + "/satisfaction").status())
                .isEqualTo(404);
    }

    @Test
    void everyAgentReadsAnAgentsComplimentsOnTheirProfile() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var id = new CaseId(openCase(agent.api(), team, "Compliment page"));
        agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agent.id()));
        feedback.compliment(id, lookup.summary(id).requesterId(), "Patient and kind, thank you.");
        var colleague = newAgent("agent", newTeam());

        var page = WebSession.anonymous(port)
                .signIn(colleague.email(), PASSWORD)
                .get("/agents/" + agent.id() + "/compliments");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#compliments").text()).contains("Patient and kind, thank you.");
        assertThat(WebSession.anonymous(port)
                        .get("/agents/" + UUID.randomUUID() + "/compliments")
                        .status())
                .isEqualTo(302);
    }
}
