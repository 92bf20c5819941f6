package dev.casekeeper.assist.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.assist.FrustrationLevel;
import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.Reason;
import dev.casekeeper.assist.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrustrationScorerTests {

    private static final FrustrationScorer scorer = new FrustrationScorer(Lexicon.load("en"), Thresholds.DEFAULT);

    @Test
    void aWholeMessageInCapitalsIsShoutingAndHeated() {
        var score = scorer.score("I AM A WOMAN!");

        assertThat(score.level()).isEqualTo(FrustrationLevel.HEATED);
        assertThat(reason(score, "shouting").spans()).containsExactly(new Span(0, 12, "I AM A WOMAN"));
        assertThat(reason(score, "shouting").detail()).isEqualTo("100% of the letters in capitals");
    }

    @Test
    void aShortSentenceInCapitalsInsideAnOrdinaryMessageIsShouting() {
        String text = "She changed it to male again. I AM A WOMAN!";

        var score = scorer.score(text);

        assertThat(score.level()).isEqualTo(FrustrationLevel.FRUSTRATED);
        assertThat(reason(score, "shouting").detail()).isEqualTo("a sentence in capitals");
        assertThat(reason(score, "shouting").spans()).containsExactly(new Span(30, 42, "I AM A WOMAN"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I get an error after the reinstall. INVALID ACTIVATION KEY. What does it mean?",
                "It says SESSION EXPIRED. PLEASE LOG IN AGAIN. Is there a way to stay signed in longer?",
                "THANK YOU SO MUCH! The new key works.",
                "THANK YOU SO MUCH!",
                "RE: ORDER 48213. Could you confirm the delivery date?"
            })
    void errorTextsLabelsAndCapitalsOfDelightAreNotShouting(String text) {
        var score = scorer.score(text);

        assertThat(score.level()).as(text).isEqualTo(FrustrationLevel.CALM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my router keeps dropping the connection",
                "The software keeps crashing when I open the activation window. I'm on Windows 11.",
                "The call was cut off after the transfer, could someone call me back on 555-0188?",
                "I found your reply in my junk folder, sorry for the late answer!"
            })
    void aCalmReportOfAFaultIsNoFrustration(String text) {
        assertThat(scorer.score(text).level()).as(text).isEqualTo(FrustrationLevel.CALM);
    }

    @Test
    void aFaultReportedWithAnotherSignOfAnnoyanceIsFrustrated() {
        var score =
                scorer.score("My router keeps dropping the connection and this is the third time I'm reporting it.");

        assertThat(score.level()).isEqualTo(FrustrationLevel.FRUSTRATED);
        assertThat(reason(score, "negative-words").detail()).contains("keeps dropping");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to talk to someone who will actually help me",
                "Can I speak to someone else please? You keep telling me nothing can be done.",
                "Is there someone higher up I can speak to?",
                "Please put me through to someone with the authority to refund me."
            })
    void askingForSomeoneElseOrSomeoneWhoWillActuallyHelpIsARequestForASupervisor(String text) {
        assertThat(scorer.score(text).supervisorRequested()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Can I talk to someone in billing about a payment plan?",
                "Is there someone who can help me set up the printer over the phone?",
                "I spoke to someone else yesterday and they said the refund is on its way, just checking.",
                "Can you put me through to someone who handles warranty claims?"
            })
    void askingForADepartmentOrAHandIsNoRequestForASupervisor(String text) {
        var score = scorer.score(text);

        assertThat(score.supervisorRequested()).as(text).isFalse();
        assertThat(score.level()).as(text).isEqualTo(FrustrationLevel.CALM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Oh good, a fourth form to fill in. Very helpful.",
                "Great, another password reset link that doesn't work.",
                "Who does that? You can't change your password or the account stops working?",
                "As if I don't know my own gender!"
            })
    void sarcasmAndRhetoricalQuestionsAreFrustration(String text) {
        var score = scorer.score(text);

        assertThat(score.level()).as(text).isEqualTo(FrustrationLevel.FRUSTRATED);
        assertThat(score.signals()).as(text).contains("sarcasm");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Great, that worked! Thanks for the quick help.",
                "Perfect, I'll order another one for my daughter.",
                "Fantastic, the photos are sharp again after the update.",
                "It looks as if the parcel was opened before it reached me, can you check?"
            })
    void theSameWordsMeantSincerelyStayCalm(String text) {
        assertThat(scorer.score(text).level()).as(text).isEqualTo(FrustrationLevel.CALM);
    }

    @Test
    void aMaskedSwearWordAimedAtTheAgentIsHeated() {
        var score = scorer.score("Little B$#&@, yes you will!");

        assertThat(score.level()).isEqualTo(FrustrationLevel.HEATED);
        assertThat(reason(score, "profanity").spans()).containsExactly(new Span(7, 12, "B$#&@"));
        assertThat(reason(score, "profanity").detail()).contains("masked");
        assertThat(score.signals()).contains("aimed-at-someone");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "What the f*** is going on",
                "This is sh1t",
                "f u c k this",
                "fuuuuck this",
                "a$$hole",
                "what the f.u.c.k",
                "$#@! this"
            })
    void findsSwearWordsMaskedSpacedStretchedOrInLeet(String text) {
        assertThat(scorer.score(text).signals()).as(text).contains("profanity");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Please send the PDF for order ABC-123 and the SKU for the USB-C cable.",
                "Our NYC office needs the W-9 form, FYI.",
                "Is the XPS 13 compatible with the USB-C dock D6000?",
                "The IKEA shelf came without page 3 of the manual.",
                "My PIN for the voicemail doesn't work since the update."
            })
    void capitalsOfAcronymsAndProductCodesAreNotShouting(String text) {
        var score = scorer.score(text);

        assertThat(score.signals()).as(text).doesNotContain("shouting");
        assertThat(score.level()).isEqualTo(FrustrationLevel.CALM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cancel my order please",
                "Please cancel my order, I ordered the wrong size. Thank you.",
                "My manager asked me to order five more licences.",
                "Is there a supervisor account type in the app?",
                "I'm not upset at all, just wondering when the refund will show up.",
                "Product code A55 is out of stock, when is it back?",
                "Thanks Deon, the socks arrived this morning. Have a lovely weekend!"
            })
    void calmMessagesStayCalm(String text) {
        assertThat(scorer.score(text).level()).as(text).isEqualTo(FrustrationLevel.CALM);
    }

    @Test
    void aRequestForASupervisorIsHonouredWhateverTheScore() {
        var score = scorer.score("Could I please speak to a supervisor?");

        assertThat(score.supervisorRequested()).isTrue();
        assertThat(score.level()).isEqualTo(FrustrationLevel.HEATED);
        assertThat(reason(score, "supervisor-request").spans())
                .extracting(Span::text)
                .containsExactly("speak to a supervisor");
    }

    @Test
    void threatsOfLegalStepsCountMoreThanThreatsToLeave() {
        assertThat(scorer.score("I'm contacting my lawyer about these charges.").level())
                .isEqualTo(FrustrationLevel.HEATED);
        assertThat(scorer.score("I want to cancel my subscription.").level()).isEqualTo(FrustrationLevel.CALM);
    }

    @Test
    void annoyanceAloneMakesAMessageFrustratedButNotHeated() {
        var score = scorer.score(
                "This is ridiculous!!! I have already told you THREE times, still no refund, unacceptable!!");

        assertThat(score.level()).isEqualTo(FrustrationLevel.FRUSTRATED);
        assertThat(score.score()).isEqualTo(FrustrationScorer.ANNOYANCE_CAP);
    }

    @Test
    void aNegativeWordRightAfterNotDoesNotCount() {
        assertThat(scorer.score("The new update is not bad, not terrible at all.")
                        .signals())
                .doesNotContain("negative-words");
    }

    @Test
    void theCaseAddsRepeatsContactsTransfersAndWaiting() {
        var context = new CaseContext(
                List.of(
                        "My activation key XK-4410-PLM stopped working after I reinstalled the software.",
                        "Any news? The activation key stopped working after I reinstalled."),
                true,
                2,
                Duration.ofHours(30));

        var score = scorer.score(
                "The activation key XK-4410-PLM stopped working after I reinstalled the software.", context);

        assertThat(reason(score, "repeated-information").detail())
                .contains("repeats earlier messages", "reference already given");
        assertThat(reason(score, "repeated-information").spans())
                .extracting(Span::text)
                .containsExactly("The activation key XK-4410-PLM stopped working after I reinstalled the software");
        assertThat(reason(score, "contacts").detail())
                .isEqualTo("message 3 from the customer on this case; came back about a closed case");
        assertThat(reason(score, "transfers").points()).isEqualTo(12);
        assertThat(reason(score, "waiting").detail()).isEqualTo("waited 30 hours for an answer");
        assertThat(score.level()).isEqualTo(FrustrationLevel.HEATED);
    }

    @Test
    void theSameMessageAlwaysGetsTheSameScoreAndThePointsAddUp() {
        String text = "WHY IS NOBODY ANSWERING??? You people are useless, I'll take this to my lawyer.";

        var first = scorer.score(text);

        assertThat(scorer.score(text)).isEqualTo(first);
        assertThat(first.score())
                .isEqualTo(Math.min(
                        100, first.reasons().stream().mapToInt(Reason::points).sum()));
        assertThat(first.reasons())
                .allSatisfy(r -> assertThat(r.spans())
                        .allSatisfy(span -> assertThat(text.substring(span.start(), span.end()))
                                .isEqualTo(span.text())));
    }

    private static Reason reason(FrustrationScore score, String signal) {
        return score.reasons().stream()
                .filter(r -> r.signal().equals(signal))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + signal + " in " + score));
    }
}
