package dev.casekeeper.macros;

import java.util.List;

/**
 * A canned response with its placeholders filled: {@code text} for a reply box, {@code html} the
 * same text with every character that means something in HTML escaped, and paragraphs and line
 * breaks kept; {@code changes}, what applying it would change on the case now (empty for a text-only
 * response, or when the case already is so).
 */
public record RenderedMacro(MacroId id, String name, String text, String html, List<MacroChange> changes) {

    public RenderedMacro {
        changes = List.copyOf(changes);
    }
}
