package dev.casekeeper.assist.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.assist.FrustrationLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The detector against a hand-labelled set of customer messages (src/test/resources/assist/
 * labelled-messages.tsv), written independently of its word lists. Precision and recall at both
 * thresholds must stay above a floor; the figures are reported in docs/assist.md.
 */
class LabelledMessagesTests {

    record Labelled(FrustrationLevel label, String text) {}

    record Figures(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private final FrustrationScorer scorer = new FrustrationScorer(Lexicon.load("en"), Thresholds.DEFAULT);

    @Test
    void theSetHasAtLeastTwoHundredMessagesOfEveryLabel() throws IOException {
        var set = labelled("labelled-messages.tsv");

        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        assertThat(set).extracting(Labelled::label).contains(FrustrationLevel.values());
    }

    @Test
    void findsFrustratedMessagesWithHighPrecisionAndRecall() throws IOException {
        var figures = evaluate(labelled("labelled-messages.tsv"), FrustrationLevel.FRUSTRATED);

        assertThat(figures.precision()).as("precision at the frustrated threshold").isGreaterThanOrEqualTo(0.95);
        assertThat(figures.recall()).as("recall at the frustrated threshold").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void findsHeatedMessagesWithHighPrecisionAndRecall() throws IOException {
        var figures = evaluate(labelled("labelled-messages.tsv"), FrustrationLevel.HEATED);

        assertThat(figures.precision()).as("precision at the heated threshold").isGreaterThanOrEqualTo(0.90);
        assertThat(figures.recall()).as("recall at the heated threshold").isGreaterThanOrEqualTo(0.65);
    }

    /** The held-out set was never used to tune the word lists: its figures say how the detector generalises. */
    @Test
    void doesAlmostAsWellOnMessagesItWasNotTunedOn() throws IOException {
        var set = labelled("held-out-messages.tsv");
        var frustrated = evaluate(set, FrustrationLevel.FRUSTRATED);
        var heated = evaluate(set, FrustrationLevel.HEATED);

        assertThat(frustrated.precision()).as("held-out precision at the frustrated threshold").isGreaterThanOrEqualTo(0.90);
        assertThat(frustrated.recall()).as("held-out recall at the frustrated threshold").isGreaterThanOrEqualTo(0.70);
        assertThat(heated.precision()).as("held-out precision at the heated threshold").isGreaterThanOrEqualTo(0.80);
        assertThat(heated.recall()).as("held-out recall at the heated threshold").isGreaterThanOrEqualTo(0.60);
    }

    /** Positive: labelled at or above {@code level}; predicted positive: scored at or above it. */
    private Figures evaluate(List<Labelled> set, FrustrationLevel level) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var message : set) {
            var score = scorer.score(message.text());
            boolean actual = message.label().atLeast(level);
            boolean predicted = score.level().atLeast(level);
            if (actual && predicted) {
                tp++;
            } else if (predicted) {
                fp++;
                System.out.printf("false %s: %d %s %s%n", level.value(), score.score(), message.text(), score.signals());
            } else if (actual) {
                fn++;
                System.out.printf("missed %s: %d %s %s%n", level.value(), score.score(), message.text(), score.signals());
            }
        }
        var figures = new Figures(tp, fp, fn);
        System.out.printf(Locale.ROOT, "%s: precision %.2f, recall %.2f (tp %d, fp %d, fn %d)%n",
                level.value(), figures.precision(), figures.recall(), tp, fp, fn);
        return figures;
    }

    static List<Labelled> labelled(String file) throws IOException {
        var set = new ArrayList<Labelled>();
        try (InputStream in = LabelledMessagesTests.class.getResourceAsStream("/assist/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                set.add(new Labelled(FrustrationLevel.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)), parts[1].strip()));
            }
        }
        return set;
    }
}
