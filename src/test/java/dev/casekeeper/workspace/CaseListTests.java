package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseImports;
import dev.casekeeper.cases.CasePage;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.ImportCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The views and their counts, filters, sorting and search, against the real database. Every test
 * works in a team of its own, seen through an agent of that team, so other tests' cases do not
 * show in its team view.
 */
class CaseListTests extends ApiTestBase {

    @Autowired
    private CaseImports imports;

    @Autowired
    private JdbcClient jdbc;

    private UUID team;
    private Caller agent;
    private WebSession browser;
    /** Every case a test opens carries this tag, so views shared with other tests can be narrowed to its own. */
    private String mark;

    @BeforeEach
    void aTeamWithAnAgent() {
        mark = "t" + UUID.randomUUID().toString().substring(0, 8);
        team = newTeam();
        agent = newAgent("agent", team);
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void theViewsShowTheirCasesAndCountThem() {
        var mine = open(
                "Activation key lost",
                "The key is gone",
                "Successful Moore",
                "successful-" + UUID.randomUUID() + "@example.com");
        var waiting = open(
                "Blurry photos", "Every photo is blurry", "Alex Kim", "alex-" + UUID.randomUUID() + "@example.com");
        var pending = open(
                "Invoice paid twice",
                "My invoice was paid twice",
                "Ruth Adler",
                "ruth-" + UUID.randomUUID() + "@example.com");
        agent.api().post("/api/v1/cases/" + mine.id + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().patch("/api/v1/cases/" + pending.id, Map.of("status", "pending"));

        var myCases = browser.get("/views/mine").html();
        var unassigned = browser.get("/views/unassigned?tag=" + mark).html();
        var myTeam = browser.get("/views/team").html();
        var pendingView = browser.get("/views/pending?tag=" + mark).html();

        assertThat(subjects(myCases)).containsExactly("Activation key lost");
        assertThat(count("mine")).isEqualTo(1);
        assertThat(subjects(unassigned)).containsExactlyInAnyOrder("Blurry photos", "Invoice paid twice");
        assertThat(subjects(myTeam))
                .containsExactlyInAnyOrder("Activation key lost", "Blurry photos", "Invoice paid twice");
        assertThat(count("team")).isEqualTo(3);
        assertThat(subjects(pendingView)).containsExactly("Invoice paid twice");
        assertThat(myTeam.select("tr[data-number=" + waiting.number + "] .requester-name")
                        .text())
                .isEqualTo("Alex Kim");
        assertThat(myTeam.select("tr[data-number=" + mine.number + "] .col-owner")
                        .text())
                .startsWith("You");
    }

    @Test
    void solvedCasesLeaveTheOpenViewsForRecentlySolved() {
        var solved = open(
                "Lamp arrived broken", "The shade is cracked", "Jo Park", "jo-" + UUID.randomUUID() + "@example.com");
        agent.api().patch("/api/v1/cases/" + solved.id, Map.of("status", "solved"));

        assertThat(subjects(browser.get("/views/team").html())).doesNotContain("Lamp arrived broken");
        assertThat(subjects(browser.get("/views/solved?tag=" + mark).html())).containsExactly("Lamp arrived broken");
    }

    @Test
    void anAgentDoesNotSeeAnotherTeamsCasesInAnyView() {
        var otherTeam = newTeam();
        String subject = "Other team's case " + UUID.randomUUID();
        openIn(otherTeam, subject, "Secret", "Pat Lee", "pat-" + UUID.randomUUID() + "@example.com");

        for (String view : List.of("mine", "unassigned", "team", "open", "pending", "on-hold", "solved", "all")) {
            assertThat(subjects(browser.get("/views/" + view + "?q=" + encode(subject))
                            .html()))
                    .as(view)
                    .isEmpty();
        }
        var supervisor =
                WebSession.anonymous(port).signIn(newAgent("supervisor").email(), PASSWORD);
        assertThat(subjects(supervisor.get("/views/all?q=" + encode(subject)).html()))
                .containsExactly(subject);
    }

    @Test
    void searchFindsBySubjectBodyWordsCustomerNameEmailAndNumber() {
        String email = "hermione-" + UUID.randomUUID() + "@example.com";
        var kase = open(
                "Socks in the wrong colour",
                "I returned the Nike Elite socks and got refunded twice",
                "Hermione Granger",
                email);
        open(
                "Unrelated question",
                "How do I change my address?",
                "Ron Weasley",
                "ron-" + UUID.randomUUID() + "@example.com");

        assertThat(search("wrong colour")).containsExactly("Socks in the wrong colour");
        assertThat(search("refund")).as("words of the body, stemmed").containsExactly("Socks in the wrong colour");
        assertThat(search("Hermione Granger")).containsExactly("Socks in the wrong colour");
        assertThat(search("Hermoine")).as("a misspelt name").containsExactly("Socks in the wrong colour");
        assertThat(search(email)).containsExactly("Socks in the wrong colour");
        assertThat(search("#" + kase.number)).containsExactly("Socks in the wrong colour");
        assertThat(search("parcel")).isEmpty();
    }

    @Test
    void aCaseNumberInTheSearchBoxOpensThatCase() {
        var kase =
                open("Router keeps rebooting", "Every hour", "Ana Lima", "ana-" + UUID.randomUUID() + "@example.com");

        var jump = browser.get("/views/all?q=%23" + kase.number);

        assertThat(jump.status()).isEqualTo(302);
        assertThat(jump.location()).endsWith("/cases/" + kase.number);
    }

    @Test
    void filtersNarrowAndSortingOrders() {
        open("Low one", "a", "A", "a-" + UUID.randomUUID() + "@example.com", "low");
        open("Urgent one", "b", "B", "b-" + UUID.randomUUID() + "@example.com", "urgent");
        open("High one", "c", "C", "c-" + UUID.randomUUID() + "@example.com", "high");

        assertThat(subjects(browser.get("/views/team?priority=urgent").html())).containsExactly("Urgent one");
        assertThat(subjects(browser.get("/views/team?sort=priority&dir=desc").html()))
                .containsExactly("Urgent one", "High one", "Low one");
        assertThat(subjects(browser.get("/views/team?sort=subject&dir=asc").html()))
                .containsExactly("High one", "Low one", "Urgent one");
        assertThat(subjects(browser.get("/views/team?sort=number&dir=asc").html()))
                .containsExactly("Low one", "Urgent one", "High one");
        var sorted = browser.get("/views/team?sort=priority&dir=desc").html();
        assertThat(sorted.select("th.col-priority").attr("aria-sort")).isEqualTo("descending");
        assertThat(sorted.select("th.col-priority a").attr("href")).contains("dir=asc");
    }

    @Test
    void unknownFilterValuesAreIgnoredRatherThanBreakingTheList() {
        open("Still listed", "x", "X", "x-" + UUID.randomUUID() + "@example.com");

        var page = browser.get("/views/team?status=bogus&sort=sideways&page=-3");

        assertThat(page.status()).isEqualTo(200);
        assertThat(subjects(page.html())).contains("Still listed");
    }

    @Test
    void aPartialRequestGetsOnlyTheResults() {
        open("Partial", "x", "X", "x-" + UUID.randomUUID() + "@example.com");

        var part = browser.getPart("/views/team");

        assertThat(part.status()).isEqualTo(200);
        assertThat(part.html().select("#results")).hasSize(1);
        assertThat(part.html().select("nav#views, header.topbar")).isEmpty();
    }

    @Test
    void aListPageShowsBeforeItsCountsWhichTheSidebarLoadsOnceItHasShown() {
        open("Counted later", "x", "X", "x-" + UUID.randomUUID() + "@example.com");

        var page = browser.get("/views/team").html();

        assertThat(page.select("#results a.case-link").eachText()).contains("Counted later");
        assertThat(page.select("nav#views .view-count")).isEmpty();
        assertThat(page.select("nav#views").attr("hx-get")).startsWith("/views/counts");
        assertThat(page.select("nav#views").attr("hx-trigger")).startsWith("load");
    }

    @Test
    void theCountsAreAPartOfTheirOwn() {
        open("Counted", "x", "X", "x-" + UUID.randomUUID() + "@example.com");

        var counts = browser.getPart("/views/counts?current=team").html();

        assertThat(counts.select("#view-team .view-count").text()).isEqualTo("1");
        assertThat(counts.select("#view-team").attr("aria-current")).isEqualTo("page");
    }

    @Test
    void aViewOfMoreThanAThousandCasesCountsThemAsAThousandPlus() {
        var first = open("Counted first", "x", "X", "x-" + UUID.randomUUID() + "@example.com");
        var requester = jdbc.sql("select requester_id from cases.support_case where id = :id")
                .param("id", first.id())
                .query(UUID.class)
                .single();
        var now = Instant.now();
        imports.upsert(IntStream.range(0, CasePage.COUNT_CAP)
                .mapToObj(i -> new ImportCase(
                        new CaseId(UUID.randomUUID()),
                        "Counted " + i,
                        new CustomerId(requester),
                        Channel.EMAIL,
                        CaseStatus.OPEN,
                        Priority.NORMAL,
                        List.of(mark),
                        Map.of(),
                        now,
                        now,
                        List.of()))
                .toList());
        jdbc.sql("update cases.support_case set team_id = :team where tags @> array[cast(:mark as text)]")
                .param("team", team)
                .param("mark", mark)
                .update();

        var counts = browser.getPart("/views/counts?current=team").html();

        assertThat(counts.select("#view-team .view-count").text()).isEqualTo("1,000+");
        assertThat(counts.select("#view-mine .view-count").text()).isEqualTo("0");
    }

    /** As the search box asks while typing: a number is searched for, not jumped to. */
    private List<String> search(String q) {
        return subjects(browser.getPart("/views/team?q=" + encode(q)).html());
    }

    private static List<String> subjects(Document page) {
        return page.select("#results a.case-link").eachText();
    }

    /** A view's count as the sidebar shows it: the list page's nav loads it once the list has shown. */
    private long count(String view) {
        var nav = browser.getPart("/views/counts?current=" + view).html();
        return Long.parseLong(nav.select("#view-" + view + " .view-count").text());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Opened(UUID id, long number) {}

    private Opened open(String subject, String body, String name, String email) {
        return open(subject, body, name, email, "normal");
    }

    private Opened open(String subject, String body, String name, String email, String priority) {
        return openIn(team, subject, body, name, email, priority);
    }

    private Opened openIn(UUID inTeam, String subject, String body, String name, String email) {
        return openIn(inTeam, subject, body, name, email, "normal");
    }

    private Opened openIn(UUID inTeam, String subject, String body, String name, String email, String priority) {
        Api.Response created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", email, "name", name),
                                "message",
                                Map.of("body", body),
                                "priority",
                                priority,
                                "tags",
                                List.of(mark),
                                "teamId",
                                inTeam));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Opened(
                UUID.fromString(created.json().get("id").asString()),
                created.json().get("number").asLong());
    }
}
