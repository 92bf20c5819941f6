package dev.casekeeper.channels.email;

import static dev.casekeeper.channels.email.ExpectedReadings.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.channels.email.ExpectedReadings.Reading;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real-world messages with a hand-checked reading ({@code email/expected-readings.tsv}) delivered
 * over SMTP: what an agent sees of each, through the API and on the case page, is what a person
 * reading the raw message sees. Every difference is reported by the message's file name.
 */
class CorpusReadingTests extends EmailTestBase {

    /** Where a delivered message landed. */
    record Landed(UUID caseId, UUID entryId) {}

    @Test
    void everyMessageWithAnExpectedReadingShowsTheAgentWhatItSays() {
        var readings = ExpectedReadings.load();
        assertThat(readings)
                .extracting(Reading::file)
                .as("every email-repro message has a reading")
                .containsAll(
                        Corpora.emailRepro().stream().map(Corpora.Sample::name).toList());
        var mailbox = smtpMailbox(null);

        // What opens a case first; then each answer in order, once what it answers has its case.
        var landed = new HashMap<String, Landed>();
        landed.putAll(deliver(
                mailbox, readings.stream().filter(r -> r.threadsInto() == null).toList()));
        for (var answer : readings.stream().filter(r -> r.threadsInto() != null).toList()) {
            landed.putAll(deliver(mailbox, List.of(answer)));
        }

        var byFile = new LinkedHashMap<String, Reading>();
        readings.forEach(r -> byFile.put(r.file(), r));
        var browser = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        var cases = new HashMap<UUID, JsonNode>();
        var pages = new HashMap<UUID, Document>();
        var differences = new ArrayList<String>();
        for (var reading : readings) {
            var where = landed.get(reading.file());
            var kase = cases.computeIfAbsent(
                    where.caseId(), id -> admin().get("/api/v1/cases/" + id).json());
            var check = new Check(reading, differences);
            check.api(kase, where, byFile, landed);
            var page = pages.computeIfAbsent(
                    where.caseId(), id -> casePage(browser, kase.get("number").asLong()));
            check.page(page, kase, where);
        }

        assertThat(differences)
                .withFailMessage(() -> differences.size() + " differences from " + ExpectedReadings.RESOURCE + ":\n  "
                        + String.join("\n  ", differences))
                .isEmpty();
    }

    /** The checks of one message; a difference is recorded with its file name, or, if known, expected to remain. */
    private record Check(Reading reading, List<String> differences) {

        void api(JsonNode kase, Landed where, Map<String, Reading> byFile, Map<String, Landed> landed) {
            var entry = entry(kase, where.entryId());
            var email = entry.get("data").get("email");
            if (reading.threadsInto() == null) {
                expect(
                        "subject",
                        reading.subject().equals(normalized(kase.get("subject").asString())),
                        "the case's subject is \"" + kase.get("subject").asString() + "\"");
                expect(
                        "threads into",
                        messages(kase)
                                .getFirst()
                                .get("id")
                                .asString()
                                .equals(where.entryId().toString()),
                        "it joined an earlier case (" + email.get("threadedBy").asString() + ")");
            } else {
                var target = landed.get(reading.threadsInto());
                expect(
                        "threads into",
                        target.caseId().equals(where.caseId())
                                && !email.get("outsider").asBoolean(),
                        "it landed in another case or as from someone not on the case ("
                                + email.get("threadedBy").asString() + ")");
                var root = byFile.get(reading.threadsInto());
                while (root.threadsInto() != null) {
                    root = byFile.get(root.threadsInto());
                }
                expect(
                        "subject",
                        root.subject().equals(normalized(kase.get("subject").asString()))
                                && reading.subject()
                                        .equals(normalized(email.get("subject").asString())),
                        "the case's subject is \"" + kase.get("subject").asString() + "\" and the message's \""
                                + email.get("subject").asString() + "\"");
            }
            String body = normalized(
                    entry.get("body").isNull() ? null : entry.get("body").asString());
            var phrases = reading.phrases();
            if (phrases != null) {
                boolean shown = phrases.isEmpty()
                        ? body.isEmpty()
                        : phrases.stream().allMatch(p -> body.contains(normalized(p)));
                expect("text", shown, "the text is \"" + abbreviated(body) + "\"");
            }
            var names = email.get("attachments")
                    .valueStream()
                    .map(a -> a.get("filename").asString())
                    .toList();
            expect(
                    "attachments",
                    ExpectedReadings.namesMatch(reading.attachments(), names),
                    "the attachments listed are " + names);
            boolean automatic = !email.get("automatic").isNull();
            expect(
                    "automatic",
                    reading.automatic() == automatic,
                    automatic
                            ? "it is recorded as automatic ("
                                    + email.get("automatic").asString() + ")"
                            : "it is taken for ordinary mail");
        }

        /** The case page shows the same: the text, the files that are not shown in place, the automatic badge. */
        void page(Document page, JsonNode kase, Landed where) {
            var messages = messages(kase);
            int index = messages.indexOf(entry(kase, where.entryId()));
            var shown = page.select("#timeline .entry-customer");
            if (shown.size() != messages.size()) {
                differences.add(reading.file() + ": the case page shows " + shown.size() + " messages, the API "
                        + messages.size());
                return;
            }
            Element entry = shown.get(index);
            if (reading.phrases() != null && !reading.knownToDiffer("text")) {
                // The text, or the HTML in its place, with the forwarded messages and the folded history.
                String text = normalized(entry.text());
                String body = normalized(entry.select(".entry-body").text());
                reading.phrases().stream()
                        .filter(p -> !text.contains(normalized(p)))
                        .findFirst()
                        .ifPresent(p -> differences.add(reading.file() + ": the case page does not show \"" + p
                                + "\"; it shows \"" + abbreviated(body) + "\""));
            }
            var listed = entry.select(".mail-attachments > li > :first-child").eachText();
            var files = messages.get(index)
                    .get("data")
                    .get("email")
                    .get("attachments")
                    .valueStream()
                    .filter(a -> !(a.get("inline").asBoolean() && !a.get("url").isNull()))
                    .map(a -> a.get("filename").asString())
                    .toList();
            if (!listed.equals(files)) {
                differences.add(reading.file() + ": the case page lists " + listed + ", the API " + files);
            }
            if (!reading.knownToDiffer("automatic")
                    && entry.select(".mail-automatic").isEmpty() == reading.automatic()) {
                differences.add(reading.file() + ": the case page " + (reading.automatic() ? "does not mark" : "marks")
                        + " it automatic");
            }
        }

        private void expect(String field, boolean asExpected, String actually) {
            if (reading.knownToDiffer(field)) {
                if (asExpected) {
                    differences.add(
                            reading.file() + ": " + field + " is now read as expected; remove the known difference \""
                                    + reading.knownReason() + "\"");
                }
            } else if (!asExpected) {
                differences.add(reading.file() + ": " + field + ": expected " + expected(field) + ", but " + actually);
            }
        }

        private String expected(String field) {
            return switch (field) {
                case "subject" -> "\"" + reading.subject() + "\"";
                case "text" ->
                    reading.phrases() == null || reading.phrases().isEmpty()
                            ? "no text"
                            : "the text to contain " + reading.phrases();
                case "attachments" -> reading.attachments().toString();
                case "automatic" -> reading.automatic() ? "automatic mail" : "ordinary mail";
                default ->
                    reading.threadsInto() == null
                            ? "a case of its own"
                            : "to join the case of " + reading.threadsInto();
            };
        }
    }

    /** Delivers the messages over SMTP and waits until each is an entry; answers where each landed, by file. */
    private Map<String, Landed> deliver(TestMailbox mailbox, List<Reading> readings) {
        var byHash = new LinkedHashMap<String, Reading>();
        for (var reading : readings) {
            var earlier = byHash.put(hash(reading.raw()), reading);
            assertThat(earlier)
                    .as(reading.file() + " is the same message as " + earlier + ": the mailbox keeps it once")
                    .isNull();
            assertThat(send("corpus@example.net", mailbox.address(), reading.raw()))
                    .as(reading.file())
                    .startsWith("250");
        }
        var landed = new HashMap<String, Landed>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    landed.clear();
                    jdbc.sql("""
                            select encode(content_hash, 'hex') as hash, case_id, entry_id from email.inbound_message
                            where mailbox_id = :m and state = 'processed'
                            """)
                            .param("m", mailbox.id())
                            .query((rs, n) -> Map.entry(
                                    rs.getString("hash"),
                                    new Landed(
                                            rs.getObject("case_id", UUID.class), rs.getObject("entry_id", UUID.class))))
                            .list()
                            .forEach(row -> {
                                var reading = byHash.get(row.getKey());
                                if (reading != null) {
                                    landed.put(reading.file(), row.getValue());
                                }
                            });
                    assertThat(landed).as("messages ingested").hasSameSizeAs(byHash);
                });
        return landed;
    }

    private static String hash(byte[] raw) {
        return HexFormat.of().formatHex(RawHeaders.of(Corpora.withCrlf(raw)).contentHash());
    }

    private static List<JsonNode> messages(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_in"))
                .toList();
    }

    private static JsonNode entry(JsonNode kase, UUID id) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("id").asString().equals(id.toString()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("entry " + id + " is not on the timeline of case " + kase.get("id")));
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static Document casePage(WebSession browser, long number) {
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html();
    }
}
