package dev.casekeeper.sla;

import java.util.List;

/** Creates or replaces a calendar; {@code zone} is a region id such as {@code Europe/Berlin}. */
public record SaveCalendar(String name, String zone, List<OpeningHours> hours, List<Holiday> holidays) {}
