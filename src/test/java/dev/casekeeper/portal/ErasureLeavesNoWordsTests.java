package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.RowsHolding;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's erasure leaves none of her words anywhere: not in her messages, and not in what other
 * modules keep of what she wrote (her rating's comment, her compliment, her complaint and the case it
 * opened); nor does a deleted case keep the words of its feedback. The tests spread one marker over
 * everything she can write, have her erasure approved or her case deleted, and then read every row
 * that belongs to her or to her case, in every module's schema.
 */
class ErasureLeavesNoWordsTests extends FeedbackTestBase {

    @Autowired
    JdbcClient jdbc;

    /** Her cases: a {@code case_id} in one of them belongs to her. */
    private static final String HER_CASES = "select k.id from cases.support_case k where k.requester_id = :scope";

    /** One case: the {@code case_id} given as the scope. */
    private static final String THE_CASE = "select cast(:scope as uuid)";

    @Test
    void noTableKeepsAWordSheWroteAfterHerErasure() {
        String marker = marker();
        var desk = desk();
        var maria = newCustomer("Maria Lopez");
        var session = feedbackWithWords(desk, emailCase(desk, maria, "Parcel lost"), marker);
        assertThat(rowsMentioning(maria.id(), HER_CASES, marker))
                .as("her words before")
                .isNotEmpty();
        session.get("/portal/data");
        assertThat(session.post("/portal/data/erasure", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        String request = admin().get("/api/v1/erasure-requests")
                .json()
                .valueStream()
                .filter(r -> r.get("customerId").asString().equals(maria.id().toString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        var approved = desk.supervisor().api().post("/api/v1/erasure-requests/" + request + "/approval", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(rowsMentioning(maria.id(), HER_CASES, marker))
                .as("rows of hers, or of her cases, that still hold her words")
                .isEmpty();
    }

    @Test
    void aDeletedCaseKeepsNoWordOfItsFeedback() {
        String marker = marker();
        var desk = desk();
        var kase = emailCase(desk, newCustomer("Maria Lopez"), "Parcel lost");
        feedbackWithWords(desk, kase, marker);
        assertThat(rowsMentioning(kase.id(), THE_CASE, marker))
                .as("its words before")
                .isNotEmpty();

        var deleted = admin().post("/api/v1/cases/" + kase.id() + "/deletion", Map.of("reason", "Sent by mistake"));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(rowsMentioning(kase.id(), THE_CASE, marker))
                .as("rows of the deleted case that still hold its words")
                .isEmpty();
    }

    private static String marker() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** She writes on her case, rates its solve, praises the agent and complains, each time with the marker. */
    private WebSession feedbackWithWords(Desk desk, EmailCase kase, String marker) {
        var session = signInCustomer(kase.customer());
        session.get("/portal/cases/" + kase.number());
        assertThat(session.post(
                                "/portal/cases/" + kase.number() + "/replies",
                                Map.of("body", "My new address is " + marker + " Street 4."))
                        .status())
                .isEqualTo(302);
        solve(desk, kase);
        var page = session.get("/portal/cases/" + kase.number());
        String solvedAt =
                page.html().select("#rating-form input[name=solvedAt]").val();
        assertThat(session.post(
                                "/portal/cases/" + kase.number() + "/rating",
                                Map.of("score", "bad", "comment", "Sent to " + marker + " again", "solvedAt", solvedAt))
                        .status())
                .isEqualTo(302);
        assertThat(session.post(
                                "/portal/cases/" + kase.number() + "/compliments",
                                Map.of("text", "Thanks, the courier found " + marker))
                        .status())
                .isEqualTo(302);
        assertThat(session.post(
                                "/portal/cases/" + kase.number() + "/complaints",
                                Map.of("text", "Nobody called me at " + marker))
                        .status())
                .isEqualTo(302);
        return session;
    }

    private List<String> rowsMentioning(UUID scope, String cases, String marker) {
        return RowsHolding.marker(jdbc, marker, cases, scope, cases.equals(HER_CASES));
    }
}
