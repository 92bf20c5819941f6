package dev.casekeeper.macros;

/**
 * A canned response with its placeholders filled: {@code text} for a reply box, {@code html} the
 * same text with every character that means something in HTML escaped, and paragraphs and line
 * breaks kept.
 */
public record RenderedMacro(MacroId id, String name, String text, String html) {}
