package dev.casekeeper.assist.detect;

import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.ToneFinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long scoring a customer message and checking a reply take, by message size. Run with
 * {@code bench/assist.sh}; results in docs/benchmarks.md. Not a test: performance is measured here,
 * never asserted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssistBenchmark {

    private static final String CUSTOMER = """
            I have been waiting THREE WEEKS for my refund for order 48213 and nobody answers my emails!!! \
            As I already said, the activation key XK-4410-PLM stopped working after I reinstalled. \
            This is ridiculous, I want to speak to your manager, or I'm filing a chargeback. \
            Your colleague told me nothing can be done, which is b******t. Thanks for nothing. \
            """;

    private static final String REPLY = """
            As I already said, you should have kept the activation key. Obviously nothing can be done now, \
            but I have raised an RMA with tier 2 and a workaround is on its way. PLEASE check your inbox. \
            """;

    @Param({"500", "4000", "16000"})
    int size;

    private FrustrationScorer scorer;
    private ToneChecker checker;
    private String message;
    private String reply;
    private CaseContext context;

    @Setup
    public void setUp() {
        var lexicon = Lexicon.load("en");
        scorer = new FrustrationScorer(lexicon, Thresholds.DEFAULT);
        checker = new ToneChecker(lexicon);
        message = repeat(CUSTOMER, size);
        reply = repeat(REPLY, size);
        context = new CaseContext(
                List.of(repeat(CUSTOMER, size / 2), "Any news on order 48213?"), true, 2, Duration.ofHours(30));
    }

    /**
     * A yardstick: splitting the same text on whitespace. On a shared, loaded machine absolute times
     * mean little; the ratio to this says how much work scoring is.
     */
    @Benchmark
    public String[] baselineSplit() {
        return message.toLowerCase(java.util.Locale.ROOT).split("\\s+");
    }

    @Benchmark
    public FrustrationScore scoreMessage() {
        return scorer.score(message);
    }

    @Benchmark
    public FrustrationScore scoreMessageInCase() {
        return scorer.score(message, context);
    }

    @Benchmark
    public List<ToneFinding> checkReply() {
        return checker.check(reply, List.of(message), dev.casekeeper.assist.FrustrationLevel.HEATED);
    }

    private static String repeat(String text, int size) {
        var out = new StringBuilder(size + text.length());
        while (out.length() < size) {
            out.append(text);
        }
        return out.substring(0, size);
    }
}
