package dev.casekeeper.counter;

import java.time.ZoneId;
import java.util.List;

/** A counter location with its visit reasons, in the order the kiosk offers them. */
public record Location(LocationId id, String slug, String name, ZoneId zone, List<Reason> reasons) {}
