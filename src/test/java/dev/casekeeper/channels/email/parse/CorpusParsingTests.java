package dev.casekeeper.channels.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.channels.email.Corpora;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every message of the real-world corpora parses to readable text or an explicit warning, and bounces are recognised. */
class CorpusParsingTests {

    private static final MimeParser.Limits LIMITS = new MimeParser.Limits(25L << 20, 100, 200_000, 1_000_000, "/a/");

    @Test
    void everyMessageGivesReadableTextOrAWarning() {
        var problems = new ArrayList<String>();
        for (var sample : Corpora.all()) {
            var parsed = MimeParser.parse(sample.raw(), LIMITS);
            if (parsed.text().isBlank() && parsed.warnings().isEmpty()) {
                problems.add(sample.name());
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A person forwarding a bounce ("Fwd: Returned mail …", written in Apple Mail) is filed with the
     * bounces upstream, but a person wrote it and wants an answer: it is ordinary mail here.
     */
    private static final Set<String> FORWARDED_BY_A_PERSON = Set.of(
            "sisimai-mail/maildir/bsd/lhost-sendmail-14.eml",
            "sisimai-mail/maildir/err/make-test-36.eml",
            "sisimai-mail/mailbox/mbox-0#36");

    @Test
    void everyBounceReportAndAutoReplyOfTheSisimaiCorpusIsAutomatic() {
        var missed = new ArrayList<String>();
        for (var sample : Corpora.sisimai()) {
            if (sample.isControl() || sample.isDegenerate() || FORWARDED_BY_A_PERSON.contains(sample.name())) {
                continue;
            }
            var parsed = MimeParser.parse(sample.raw(), LIMITS);
            if (AutomaticMail.reason(parsed, null, Set.of()) == null) {
                missed.add(sample.name() + " | " + parsed.subject() + " | "
                        + parsed.headers().first("from"));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void theNegativeControlsAndForwardedBouncesAreOrdinaryMail() {
        var automatic = new ArrayList<String>();
        for (var sample : Corpora.sisimai()) {
            if ((sample.isControl() && !sample.name().endsWith("rb-issue-368-bug.eml"))
                    || FORWARDED_BY_A_PERSON.contains(sample.name())) {
                String reason = AutomaticMail.reason(MimeParser.parse(sample.raw(), LIMITS), null, Set.of());
                if (reason != null) {
                    automatic.add(sample.name() + ": " + reason);
                }
            }
        }
        assertThat(automatic).isEmpty();
    }

    /**
     * Filed with the controls upstream as a parser bug report, but it is a postmaster's bounce
     * that says so itself ({@code Auto-Submitted: auto-replied}, {@code Return-Path: <>}).
     */
    @Test
    void theMailboxFullNoticeAmongTheControlsIsAutomaticByItsOwnHeaders() {
        var sample = Corpora.sisimai().stream()
                .filter(s -> s.name().endsWith("not/rb-issue-368-bug.eml"))
                .findFirst()
                .orElseThrow();

        assertThat(AutomaticMail.reason(MimeParser.parse(sample.raw(), LIMITS), null, Set.of()))
                .startsWith("auto-submitted");
    }
}
