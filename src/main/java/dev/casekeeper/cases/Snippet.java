package dev.casekeeper.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a message or note around what a search found, the matching words marked: plain text
 * in parts, so a page escapes every part and marks the hits itself (a message's own markup never
 * reaches the list).
 */
public record Snippet(List<Part> parts) {

    /** A run of text; {@code hit} when the search's words matched it. */
    public record Part(String text, boolean hit) {}

    /** Start and end of a match in the text PostgreSQL's {@code ts_headline} returns. */
    static final char START = '\u0002';

    static final char STOP = '\u0003';

    /** The parts of a headline whose matches are set off by {@link #START} and {@link #STOP}. */
    static Snippet of(String headline) {
        var parts = new ArrayList<Part>();
        var text = new StringBuilder();
        boolean hit = false;
        for (char c : headline.toCharArray()) {
            if (c == START || c == STOP) {
                if (!text.isEmpty()) {
                    parts.add(new Part(text.toString(), hit));
                    text.setLength(0);
                }
                hit = c == START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), hit));
        }
        return new Snippet(List.copyOf(parts));
    }
}
