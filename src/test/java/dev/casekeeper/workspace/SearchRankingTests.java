package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search lists the best matches first (the word in the subject before the word deep in a message,
 * the latest change first among equals) and shows, under each case, the words of the message or
 * note around the match with the match marked.
 */
class SearchRankingTests extends ApiTestBase {

    private WebSession agent;
    private String word;
    private long inSubject;
    private long inMessage;
    private long inNote;

    @BeforeEach
    void casesMentioningAWord() {
        var team = newTeam();
        var caller = newAgent("agent", team);
        agent = WebSession.anonymous(port).signIn(caller.email(), PASSWORD);
        word = "zq" + lettersNoStemmerTouches(8);
        inSubject = open(team, "Router " + word + " keeps rebooting", "It restarts every hour since Monday.");
        inMessage = open(
                team,
                "Internet is slow",
                "Since the update the line is slow. My neighbour has a " + word
                        + " router too and hers <b>works</b> fine, so I wonder what is different about mine.");
        inNote = open(team, "Line drops at night", "The line drops every night around two.");
        var note = caller.api()
                .post(
                        "/api/v1/cases/" + ids.get(inNote) + "/notes",
                        Map.of("body", "Checked with the vendor: the " + word + " firmware has a known fault."));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
    }

    @Test
    void theWordInTheSubjectRanksFirstAndEqualsComeLatestChangeFirst() {
        var found = agent.getPart("/views/team?q=" + word).html();

        assertThat(numbers(found)).containsExactly(inSubject, inNote, inMessage);
    }

    @Test
    void eachMatchShowsItsMessageOrNoteWithTheWordMarked() {
        var found = agent.getPart("/views/team?q=" + word).html();

        var message = found.select("tr[data-number=" + inMessage + "] .snippet").first();
        assertThat(message).isNotNull();
        assertThat(message.text()).contains("neighbour has a " + word + " router");
        assertThat(message.select("mark").eachText()).containsExactly(word);
        assertThat(message.select("b"))
                .as("the message's own markup is text, not markup")
                .isEmpty();
        var note = found.select("tr[data-number=" + inNote + "] .snippet").first();
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("the " + word + " firmware");
        assertThat(found.select("tr[data-number=" + inSubject + "] .snippet"))
                .as("the subject says it already")
                .isEmpty();
    }

    @Test
    void aChosenSortStillWins() {
        var found = agent.getPart("/views/team?sort=number&dir=asc&q=" + word).html();

        assertThat(numbers(found)).containsExactly(inSubject, inMessage, inNote);
    }

    private final Map<Long, UUID> ids = new java.util.HashMap<>();

    private long open(UUID team, String subject, String body) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", "rank-" + UUID.randomUUID() + "@example.com", "name", "Rank Tester"),
                                "message",
                                Map.of("body", body),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long number = created.json().get("number").asLong();
        ids.put(number, UUID.fromString(created.json().get("id").asString()));
        return number;
    }

    private static List<Long> numbers(Document page) {
        return page.select("#results tr[data-number]").eachAttr("data-number").stream()
                .map(Long::parseLong)
                .toList();
    }

    /**
     * Random letters from a to f only, so the search's stemmer leaves the word as it is; always
     * {@code length} of them (a UUID's hex digits sometimes hold fewer than eight letters).
     */
    private static String lettersNoStemmerTouches(int length) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(6)));
        }
        return letters.toString();
    }
}
