package dev.casekeeper.macros;

/** A canned response's name and text, to add or to replace the old ones. */
public record SaveMacro(String name, String body) {}
