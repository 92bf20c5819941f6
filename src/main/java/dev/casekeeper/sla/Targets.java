package dev.casekeeper.sla;

import java.time.Duration;

/** How much business time a case of one priority may take to the first reply, each next reply, and resolution. */
public record Targets(int firstResponseMinutes, int nextResponseMinutes, int resolutionMinutes) {

    Duration of(Target target) {
        return Duration.ofMinutes(
                switch (target) {
                    case FIRST_RESPONSE -> firstResponseMinutes;
                    case NEXT_RESPONSE -> nextResponseMinutes;
                    case RESOLUTION -> resolutionMinutes;
                });
    }
}
