package dev.casekeeper.assist;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The signals of a score in words, for texts that are stored and read later (an escalation's
 * reason on the timeline, a notification, a handover reason): "negative words, supervisor request",
 * never the keys "negative-words, supervisor-request". Pages name signals from the message bundle.
 */
final class SignalWords {

    private SignalWords() {}

    static String of(List<String> signals) {
        return signals.stream()
                .map(s -> s.replace('-', ' ').toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
