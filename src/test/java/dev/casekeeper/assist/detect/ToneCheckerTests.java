package dev.casekeeper.assist.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.assist.FrustrationLevel;
import dev.casekeeper.assist.Span;
import dev.casekeeper.assist.ToneFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToneCheckerTests {

    private static final ToneChecker checker = new ToneChecker(Lexicon.load("en"));

    @Test
    void aFlatRefusalAndDisrespectForTheCustomersThingsAreFound() {
        var findings = checker.check("We're not taking that junk back!", List.of(), null);

        assertThat(findings).extracting(ToneFinding::kind).containsExactly("refusal", "condescension");
        assertThat(findings.getFirst().span()).isEqualTo(new Span(6, 31, "not taking that junk back"));
        assertThat(findings.get(1).replacement()).isEqualTo("the item");
    }

    @Test
    void aRefusalFollowedByAnAlternativeIsNotFlagged() {
        var findings = checker.check(
                "We don't do that for worn clothing, but I can offer you store credit for the full amount.",
                List.of(),
                null);

        assertThat(findings).extracting(ToneFinding::kind).doesNotContain("refusal");
    }

    @Test
    void aRefusalWithNothingAfterItIsFlagged() {
        var findings =
                checker.check("I checked with the warehouse. Nothing can be done about the shipment.", List.of(), null);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("refusal");
            assertThat(f.span().text()).isEqualTo("Nothing can be done");
            assertThat(f.suggestion()).contains("what I can do");
        });
    }

    @Test
    void blameAndCondescensionComeWithARewrite() {
        var findings = checker.check(
                "As I already said, you should have kept the activation key. Obviously it is in the email.",
                List.of(),
                null);

        assertThat(findings).extracting(ToneFinding::kind).containsExactly("blame", "blame", "condescension");
        assertThat(findings.getFirst().replacement()).isEqualTo("To recap,");
        assertThat(findings.get(1).span().text()).isEqualTo("you should have");
        assertThat(findings.get(2).replacement()).isEmpty();
    }

    @Test
    void tellingTheCustomerToCalmDownIsCondescending() {
        assertThat(checker.check("Please calm down, sir.", List.of(), null))
                .extracting(ToneFinding::kind, f -> f.span().text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("condescension", "calm down"));
    }

    @Test
    void capitalsInAReplyAreShoutingButAcronymsAreNot() {
        var findings = checker.check(
                "I guess you're just going to HAVE to set up a new email account. The PDF is attached.",
                List.of(),
                null);

        assertThat(findings).extracting(ToneFinding::kind).containsExactly("condescension", "shouting");
        assertThat(findings.get(1).span().text()).isEqualTo("HAVE");
        assertThat(findings.get(1).replacement()).isEqualTo("have");
    }

    @Test
    void jargonIsFlaggedOnlyWhenTheCustomerDidNotUseIt() {
        String draft = "I have raised an RMA and a workaround is on its way.";

        assertThat(checker.check(draft, List.of("My printer is broken."), null))
                .extracting(f -> f.span().text())
                .containsExactly("RMA", "workaround");
        assertThat(checker.check(draft, List.of("Can I get an RMA for the printer?"), null))
                .extracting(f -> f.span().text())
                .containsExactly("workaround");
    }

    @Test
    void aReplyToAFrustratedCustomerNeedsAnAcknowledgement() {
        String flat = "Your refund was processed today. It takes 3 to 5 days to arrive.";

        assertThat(checker.check(flat, List.of(), FrustrationLevel.FRUSTRATED))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("missing-acknowledgement");
                    assertThat(f.span().text()).isEqualTo("Your refund was processed today");
                });
        assertThat(checker.check("I'm sorry for the wait. " + flat, List.of(), FrustrationLevel.FRUSTRATED))
                .isEmpty();
        assertThat(checker.check(flat, List.of(), FrustrationLevel.CALM)).isEmpty();
    }

    @Test
    void aGoodReplyHasNoFindings() {
        assertThat(checker.check(
                        "Mrs Smith, I am so sorry this happened. I know your time is very valuable. "
                                + "Let me find out why it happened and what I can do to make it up to you.",
                        List.of(),
                        FrustrationLevel.HEATED))
                .isEmpty();
    }
}
