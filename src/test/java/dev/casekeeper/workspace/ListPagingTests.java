package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CasePage;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paging through a list with its Next and Previous links shows every case once, in order, even
 * when new cases arrive between two pages (with page numbers, each new case would push the last
 * case of a page onto the next page again, and show it twice).
 */
class ListPagingTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void nextPagesShowEveryCaseOnceWhenNewCasesArriveBetweenPages() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String word = word();
        insertCases(team, word, "Printer", 0, 60);

        var seen = new ArrayList<String>();
        var page = agent.get("/views/team").html();
        seen.addAll(subjects(page));
        insertCases(team, word, "Arrived", 100, 10); // newer than all: at the top of the list
        while (!page.select(".pager a[rel=next]").isEmpty()) {
            page = agent.get(page.select(".pager a[rel=next]").attr("href")).html();
            seen.addAll(subjects(page));
        }

        assertThat(seen)
                .doesNotHaveDuplicates()
                .hasSize(60)
                .allSatisfy(s -> assertThat(s).startsWith("Printer"));
        assertThat(seen.getFirst()).endsWith(" 59");
        assertThat(seen.getLast()).endsWith(" 0");
        assertThat(page.select(".pager").text()).contains("Page 3");
    }

    @Test
    void previousLeadsBackToThePageBeforeAndThenToTheTop() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String word = word();
        insertCases(team, word, "Printer", 0, 60);
        var first = agent.get("/views/team?q=" + word).html();
        var second = agent.get(first.select(".pager a[rel=next]").attr("href")).html();
        var third = agent.get(second.select(".pager a[rel=next]").attr("href")).html();
        insertCases(team, word, "Arrived", 100, 5);

        var back = agent.get(third.select(".pager a[rel=prev]").attr("href")).html();
        assertThat(subjects(back)).isEqualTo(subjects(second));
        var firstAgain =
                agent.get(back.select(".pager a[rel=prev]").attr("href")).html();
        assertThat(subjects(firstAgain)).isEqualTo(subjects(first));
        var top =
                agent.get(firstAgain.select(".pager a[rel=prev]").attr("href")).html();
        assertThat(subjects(top))
                .as("the page before the cases that arrived reaches the top, and is a full page")
                .hasSize(25)
                .startsWith("Arrived " + word + " 104")
                .endsWith("Printer " + word + " 40");
        assertThat(top.select(".pager a[rel=prev]")).isEmpty();
    }

    @Test
    void aSearchWithManyMatchesPagesOnWithoutRepeats() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String word = word();
        insertCases(team, word, "Printer", 0, CasePage.COUNT_CAP + 30);

        var first = agent.get("/views/team?q=" + word).html();
        insertCases(team, word, "Arrived", 2000, 3);
        var second = agent.get(first.select(".pager a[rel=next]").attr("href")).html();

        assertThat(first.select("#result-count").text()).isEqualTo("1,000+ cases");
        assertThat(subjects(second))
                .hasSize(25)
                .doesNotContainAnyElementsOf(subjects(first))
                .startsWith("Printer " + word + " " + (CasePage.COUNT_CAP + 30 - 26));
        assertThat(second.select(".pager").text()).contains("Page 2");
    }

    @Test
    void aStaleOrForgedCursorStartsFromTheTop() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String word = word();
        insertCases(team, word, "Printer", 0, 30);
        var first = agent.get("/views/team").html();
        String next = first.select(".pager a[rel=next]").attr("href");

        var otherSort = agent.get(next + "&sort=number");
        var forged = agent.get("/views/team?after=bm90LWEtY3Vyc29y");

        assertThat(otherSort.status()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(200);
        assertThat(subjects(forged.html())).isEqualTo(subjects(first));
    }

    /** A made-up word no other test writes: letters only, so full-text search keeps it whole. */
    private static String word() {
        var letters = new StringBuilder("zz");
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString().toLowerCase(Locale.ROOT);
    }

    /** Open cases of the team, one a minute from {@code from} minutes after a month ago, the last changed latest. */
    private void insertCases(UUID team, String word, String prefix, int from, int count) {
        jdbc.sql("""
                        insert into cases.support_case
                            (id, subject, requester_id, channel, status, priority, team_id, created_at, updated_at)
                        select gen_random_uuid(), :prefix || ' ' || :word || ' ' || n, gen_random_uuid(), 'email',
                               'open', 'normal', :team, cast(:start as timestamptz) + n * interval '1 minute',
                               cast(:start as timestamptz) + n * interval '1 minute'
                        from generate_series(cast(:from as int), cast(:from as int) + cast(:count as int) - 1) n
                        """)
                .param("prefix", prefix)
                .param("word", word)
                .param("team", team)
                .param("start", Timestamp.from(Instant.now().minus(Duration.ofDays(30))))
                .param("from", from)
                .param("count", count)
                .update();
    }

    private static List<String> subjects(Document page) {
        return page.select("#results a.case-link").eachText();
    }
}
