package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.FrustrationLevel;

/** Where frustrated and heated begin on the 0–100 scale. */
public record Thresholds(int frustrated, int heated) {

    public static final Thresholds DEFAULT = new Thresholds(25, 50);

    public Thresholds {
        if (frustrated < 1 || heated > 100 || frustrated >= heated) {
            throw new IllegalArgumentException("Frustration thresholds need 1 <= frustrated < heated <= 100, not "
                    + frustrated + " and " + heated);
        }
    }

    public FrustrationLevel level(int score, boolean supervisorRequested) {
        if (supervisorRequested || score >= heated) {
            return FrustrationLevel.HEATED;
        }
        return score >= frustrated ? FrustrationLevel.FRUSTRATED : FrustrationLevel.CALM;
    }
}
