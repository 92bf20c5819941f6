package dev.casekeeper.assist;

import java.util.List;

/**
 * How frustrated a customer message reads, from 0 (calm) to 100, with every reason that added to
 * it. The same text in the same case context always gets the same score.
 *
 * @param supervisorRequested the customer asked for a manager or supervisor; such a request is
 *     always honoured, whatever the score
 * @param language the word lists used
 */
public record FrustrationScore(
        int score, FrustrationLevel level, boolean supervisorRequested, String language, List<Reason> reasons) {

    /** Whether this message makes the case heated: past the heated threshold, or a supervisor was asked for. */
    public boolean heated() {
        return level == FrustrationLevel.HEATED;
    }

    /** The signal names, strongest first, for one-line summaries. */
    public List<String> signals() {
        return reasons.stream()
                .filter(r -> r.points() > 0)
                .sorted((a, b) -> Integer.compare(b.points(), a.points()))
                .map(Reason::signal)
                .toList();
    }
}
