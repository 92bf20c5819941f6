package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait formula: position × average handle time ÷ serving capacity, between a floor and a cap. */
class WaitEstimatesTests {

    private static final Duration FLOOR = Duration.ofSeconds(30);
    private static final Duration CAP = Duration.ofMinutes(30);

    @Test
    void dividesTheWorkAheadByTheCapacityServingIt() {
        var estimator = new WaitEstimates.Estimator(Duration.ofMinutes(4), 2, FLOOR, CAP);

        assertThat(estimator.estimate(3)).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void neverEstimatesLessThanTheFloor() {
        assertThat(new WaitEstimates.Estimator(Duration.ofSeconds(20), 6, FLOOR, CAP).estimate(1))
                .isEqualTo(FLOOR);
    }

    @Test
    void neverEstimatesMoreThanTheCap() {
        assertThat(new WaitEstimates.Estimator(Duration.ofMinutes(10), 1, FLOOR, CAP).estimate(10))
                .isEqualTo(CAP);
    }

    @Test
    void estimatesTheCapWhenNobodyServesTheQueue() {
        assertThat(new WaitEstimates.Estimator(Duration.ofMinutes(1), 0, FLOOR, CAP).estimate(1))
                .isEqualTo(CAP);
    }
}
