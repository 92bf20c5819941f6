package dev.casekeeper.live;

/** Another agent who has the same case open, and whether they are writing a reply. */
public record Viewer(String name, boolean drafting) {}
