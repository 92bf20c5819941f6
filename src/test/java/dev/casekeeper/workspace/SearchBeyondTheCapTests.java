package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CasePage;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search or a view with more matches than lists count says "1,000+" and still shows a page of
 * the right cases, newest first, to those who may see them. The cases are written with SQL: a
 * thousand through the API would take minutes.
 */
class SearchBeyondTheCapTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void manyMatchesShowAPageAndMoreThanTheCap() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        var outsider =
                WebSession.anonymous(port).signIn(newAgent("agent", newTeam()).email(), PASSWORD);
        String word = word();
        insertCases(team, word, CasePage.COUNT_CAP + 50);

        var found = agent.getPart("/views/team?q=" + word).html();

        assertThat(found.select("#result-count").text()).isEqualTo("1,000+ cases");
        assertThat(subjects(found))
                .hasSize(25)
                .allSatisfy(subject -> assertThat(subject).contains(word));
        assertThat(subjects(found).getFirst()).as("the latest change first").endsWith(" " + (CasePage.COUNT_CAP + 49));
        assertThat(found.select(".pager").text()).contains("Page 1").doesNotContain("of");
        assertThat(subjects(agent.getPart("/views/team?page=1&q=" + word).html()))
                .hasSize(25)
                .doesNotContainAnyElementsOf(subjects(found));
        assertThat(agent.get("/views/team").html().select("#result-count").text())
                .as("a view counts up to the cap too")
                .isEqualTo("1,000+ cases");
        assertThat(subjects(outsider.getPart("/views/all?q=" + word).html())).isEmpty();
    }

    @Test
    void aWordInTheMessagesOfMoreThanAThousandCasesShowsTheirPagesNewestFirst() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        var outsider =
                WebSession.anonymous(port).signIn(newAgent("agent", newTeam()).email(), PASSWORD);
        String word = word();
        insertCases(team, "message", CasePage.COUNT_CAP + 50);
        // The word only in each case's first message: found through the entries, not the subjects.
        jdbc.sql("""
                        insert into cases.timeline_entry (id, case_id, kind, author_kind, author_id, body_text, body_html,
                            created_at)
                        select gen_random_uuid(), c.id, 'message_in', 'customer', c.requester_id,
                               'The ' || :word || ' broke', '<p>The ' || :word || ' broke</p>', c.created_at
                        from cases.support_case c where c.team_id = :team
                        """).param("word", word).param("team", team).update();

        var found = agent.getPart("/views/team?q=" + word).html();
        var next = agent.getPart("/views/team?page=1&q=" + word).html();

        assertThat(found.select("#result-count").text()).isEqualTo("1,000+ cases");
        assertThat(subjects(found)).hasSize(25);
        assertThat(subjects(found).getFirst()).as("the latest change first").endsWith(" " + (CasePage.COUNT_CAP + 49));
        assertThat(subjects(found).getLast()).endsWith(" " + (CasePage.COUNT_CAP + 25));
        assertThat(subjects(next)).hasSize(25).doesNotContainAnyElementsOf(subjects(found));
        assertThat(subjects(next).getFirst()).endsWith(" " + (CasePage.COUNT_CAP + 24));
        assertThat(subjects(outsider.getPart("/views/all?q=" + word).html())).isEmpty();
    }

    @Test
    void fewMatchesAreCountedExactly() {
        var team = newTeam();
        var agent = WebSession.anonymous(port).signIn(newAgent("agent", team).email(), PASSWORD);
        String word = word();
        insertCases(team, word, 30);

        var found = agent.getPart("/views/team?q=" + word).html();

        assertThat(found.select("#result-count").text()).isEqualTo("30 cases");
        assertThat(subjects(found)).hasSize(25);
        assertThat(subjects(agent.getPart("/views/team?page=1&q=" + word).html()))
                .hasSize(5);
    }

    /** A made-up word no other test writes: letters only, so full-text search keeps it whole. */
    private static String word() {
        var letters = new StringBuilder("zz");
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Open cases of the team a month ago, one a minute, the last one changed latest, each with the word
     * in its subject; not waiting, so they stay at the end of other tests' queues.
     */
    private void insertCases(UUID team, String word, int count) {
        jdbc.sql("""
                        insert into cases.support_case
                            (id, subject, requester_id, channel, status, priority, team_id, created_at, updated_at)
                        select gen_random_uuid(), 'Printer ' || :word || ' ' || n, gen_random_uuid(), 'email', 'open',
                               'normal', :team, cast(:start as timestamptz) + n * interval '1 minute',
                               cast(:start as timestamptz) + n * interval '1 minute'
                        from generate_series(0, cast(:count as int) - 1) n
                        """)
                .param("word", word)
                .param("team", team)
                .param("start", Timestamp.from(Instant.now().minus(Duration.ofDays(30))))
                .param("count", count)
                .update();
    }

    private static java.util.List<String> subjects(Document page) {
        return page.select("#results a.case-link").eachText();
    }
}
