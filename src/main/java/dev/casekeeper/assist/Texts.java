package dev.casekeeper.assist;

import dev.casekeeper.assist.detect.Lexicon;
import java.time.Duration;
import java.util.Map;

/** Fills a language's texts: {@code {name}} and the like are replaced from the given values. */
final class Texts {

    private Texts() {}

    static String fill(Lexicon lexicon, String key, Map<String, String> values) {
        String text = lexicon.text(key);
        for (var value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    static String duration(Duration duration) {
        long hours = duration.toHours();
        if (hours >= 48) {
            return (hours / 24) + " days";
        }
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, duration.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
