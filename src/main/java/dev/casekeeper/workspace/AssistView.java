package dev.casekeeper.workspace;

import dev.casekeeper.assist.Closing;
import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.FrustrationTrend;
import dev.casekeeper.assist.MessageFrustration;
import dev.casekeeper.assist.ReplySuggestions;
import dev.casekeeper.assist.ReplyTemplate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the assist module adds to the case page: the frustration score of each customer message,
 * the trend and heated flag, the reply templates when the customer reads frustrated, and the
 * closing with its next steps.
 *
 * @param scores the trend's scores by the message they are about
 * @param suggestions null on a closed case, where nobody writes any more
 * @param farewell the farewell the closing composer starts from
 * @param solvable whether the case may become solved now, so the closing composer is offered
 */
record AssistView(
        FrustrationTrend trend,
        Map<UUID, FrustrationScore> scores,
        @Nullable ReplySuggestions suggestions,
        @Nullable Closing closing,
        String farewell,
        boolean solvable) {

    static final int SPARK_WIDTH = 120;
    static final int SPARK_HEIGHT = 28;

    AssistView(
            FrustrationTrend trend,
            @Nullable ReplySuggestions suggestions,
            @Nullable Closing closing,
            String farewell,
            boolean solvable) {
        this(
                trend,
                trend.messages().stream()
                        .collect(Collectors.toMap(MessageFrustration::entryId, MessageFrustration::score, (a, b) -> b)),
                suggestions,
                closing,
                farewell,
                solvable);
    }

    /** The score of a customer message, or null while it is not scored yet (scoring runs after the message is stored). */
    public @Nullable FrustrationScore scoreOf(UUID entryId) {
        return scores.get(entryId);
    }

    public boolean heated() {
        return trend.heated();
    }

    public boolean hasTrend() {
        return !trend.messages().isEmpty();
    }

    public List<Integer> points() {
        return trend.messages().stream().map(m -> m.score().score()).toList();
    }

    /** The scores as "12, 40, 85", for the words beside the sparkline. */
    public String pointsText() {
        return points().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** SVG polyline points: oldest left, 100 at the top. A single score is drawn as a flat line. */
    public String sparkline() {
        var points = points();
        if (points.isEmpty()) {
            return "";
        }
        var all = points.size() == 1 ? List.of(points.getFirst(), points.getFirst()) : points;
        double step = (double) (SPARK_WIDTH - 4) / (all.size() - 1);
        Function<Integer, String> at = i -> fmt(2 + i * step) + "," + fmt(y(all.get(i)));
        return java.util.stream.IntStream.range(0, all.size())
                .mapToObj(at::apply)
                .collect(Collectors.joining(" "));
    }

    /** Where the latest score sits, for the dot at the end of the line. */
    public String lastX() {
        return fmt(SPARK_WIDTH - 2);
    }

    public String lastY() {
        return points().isEmpty() ? "0" : fmt(y(points().getLast()));
    }

    public @Nullable FrustrationScore latest() {
        return trend.latest();
    }

    /** Templates are offered when the customer's latest message reads frustrated or heated. */
    public boolean offered() {
        return suggestions != null
                && suggestions.offered()
                && !suggestions.templates().isEmpty();
    }

    public List<ReplyTemplate> templates() {
        return suggestions == null ? List.of() : suggestions.templates();
    }

    private static double y(int score) {
        return 2 + (SPARK_HEIGHT - 4) * (100 - Math.clamp(score, 0, 100)) / 100.0;
    }

    private static String fmt(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }
}
