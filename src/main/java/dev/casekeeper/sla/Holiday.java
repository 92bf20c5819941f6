package dev.casekeeper.sla;

import java.time.LocalDate;

/** A day with no opening hours: once on {@code date}, or every year on its month and day. */
public record Holiday(LocalDate date, boolean yearly, String name) {}
