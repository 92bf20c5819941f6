package dev.casekeeper.assist;

/** Characters {@code start} (inclusive) to {@code end} (exclusive) of a text, and what they say. */
public record Span(int start, int end, String text) {

    public static Span of(String text, int start, int end) {
        return new Span(start, end, text.substring(start, end));
    }
}
