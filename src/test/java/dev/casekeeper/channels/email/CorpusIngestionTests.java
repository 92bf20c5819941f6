package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpora through a real SMTP session: every message becomes a case entry with
 * readable text or an explicit warning, bounces and auto-replies are automatic and answered by
 * nothing, and delivering everything twice stores each distinct message once.
 */
class CorpusIngestionTests extends EmailTestBase {

    /** People forwarding a bounce: filed with bounces upstream, but written by a person (see CorpusParsingTests). */
    private static final Set<String> FORWARDED_BY_A_PERSON = Set.of(
            "sisimai-mail/maildir/bsd/lhost-sendmail-14.eml",
            "sisimai-mail/maildir/err/make-test-36.eml",
            "sisimai-mail/mailbox/mbox-0#36");

    record Row(UUID id, String state, String automatic, UUID entryId, String hash) {}

    @Test
    void ingestsEveryCorpusMessageOnceAndAnswersNoAutomaticMail() {
        var mailbox = smtpMailbox(
                null,
                Map.of(
                        "outbound", Map.of("host", "localhost", "port", 9, "security", "none"),
                        "acknowledgement", Map.of("enabled", true)));
        var samples = Corpora.all();

        for (int round = 0; round < 2; round++) {
            for (var sample : samples) {
                assertThat(send("corpus@example.net", mailbox.address(), sample.raw()))
                        .as(sample.name())
                        .startsWith("250");
            }
        }

        var distinct = new HashSet<String>();
        samples.forEach(s -> distinct.add(HexFormat.of()
                .formatHex(RawHeaders.of(Corpora.withCrlf(s.raw())).contentHash())));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(rows(mailbox))
                        .hasSize(distinct.size())
                        .allSatisfy(r -> assertThat(r.state()).isEqualTo("processed")));

        var rows = rows(mailbox);
        assertThat(rows).extracting(Row::hash).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(distinct);
        var unreadable = new ArrayList<String>();
        for (var row : rows) {
            var entry = jdbc.sql(
                            "select body_text, data -> 'email' -> 'warnings' as warnings from cases.timeline_entry where id = :id")
                    .param("id", row.entryId())
                    .query((rs, n) -> new String[] {rs.getString("body_text"), rs.getString("warnings")})
                    .single();
            if ((entry[0] == null || entry[0].isBlank()) && "[]".equals(entry[1])) {
                unreadable.add(row.id().toString());
            }
        }
        assertThat(unreadable).as("entries with neither text nor a warning").isEmpty();

        var byHash = new java.util.HashMap<String, Row>();
        rows.forEach(r -> byHash.put(r.hash(), r));
        var missed = new ArrayList<String>();
        var ordinaryControls = new ArrayList<String>();
        for (var sample : Corpora.sisimai()) {
            var row = byHash.get(HexFormat.of()
                    .formatHex(RawHeaders.of(Corpora.withCrlf(sample.raw())).contentHash()));
            boolean ordinary = (sample.isControl() && !sample.name().endsWith("rb-issue-368-bug.eml"))
                    || FORWARDED_BY_A_PERSON.contains(sample.name());
            if (ordinary && row.automatic() != null) {
                ordinaryControls.add(sample.name() + ": " + row.automatic());
            } else if (!ordinary && !sample.isDegenerate() && row.automatic() == null) {
                missed.add(sample.name());
            }
        }
        assertThat(missed)
                .as("bounces and auto-replies taken for ordinary mail")
                .isEmpty();
        assertThat(ordinaryControls).as("ordinary mail taken for automatic").isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from email.outbound_message o
                        join email.inbound_message i on i.case_id = o.case_id
                        where i.mailbox_id = :m and i.automatic is not null
                        """).param("m", mailbox.id()).query(Long.class).single())
                .as("answers to automatic mail")
                .isZero();
    }

    private List<Row> rows(TestMailbox mailbox) {
        return jdbc.sql(
                        "select id, state, automatic, entry_id, encode(content_hash, 'hex') as hash from email.inbound_message where mailbox_id = :m")
                .param("m", mailbox.id())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state"),
                        rs.getString("automatic"),
                        rs.getObject("entry_id", UUID.class),
                        rs.getString("hash")))
                .list();
    }
}
