package dev.casekeeper.sla.rest;

import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.sla.CalendarId;
import dev.casekeeper.sla.Holiday;
import dev.casekeeper.sla.OpeningHours;
import dev.casekeeper.sla.SaveCalendar;
import dev.casekeeper.sla.SlaCalendar;
import dev.casekeeper.sla.SlaManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars: every agent may read them, admins write them. */
@RestController
@RequestMapping("/api/v1/sla/calendars")
class CalendarsRestController {

    record HoursBody(
            @NotBlank String day,
            @NotBlank String from,
            @NotBlank String to) {}

    record HolidayBody(
            @NotNull LocalDate date,
            @Nullable Boolean yearly,
            @NotBlank @Size(max = 100) String name) {}

    record CalendarBody(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String zone,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull HoursBody> hours,
            @Nullable @Size(max = 500) List<@Valid @NotNull HolidayBody> holidays) {}

    record HoursResponse(String day, String from, String to) {}

    record CalendarResponse(
            UUID id,
            String name,
            String zone,
            List<HoursResponse> hours,
            List<Holiday> holidays,
            Instant createdAt,
            Instant updatedAt) {

        static CalendarResponse of(SlaCalendar c) {
            return new CalendarResponse(
                    c.id().value(),
                    c.name(),
                    c.zone().getId(),
                    c.hours().stream()
                            .map(h -> new HoursResponse(h.day().name().toLowerCase(Locale.ROOT), h.from(), h.to()))
                            .toList(),
                    c.holidays(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    private final SlaManagement sla;

    CalendarsRestController(SlaManagement sla) {
        this.sla = sla;
    }

    @GetMapping
    List<CalendarResponse> list() {
        return sla.calendars().stream().map(CalendarResponse::of).toList();
    }

    @GetMapping("/{id}")
    CalendarResponse find(@PathVariable UUID id) {
        return CalendarResponse.of(sla.calendar(new CalendarId(id)));
    }

    @PostMapping
    ResponseEntity<CalendarResponse> create(@Valid @RequestBody CalendarBody body) {
        var created = CalendarResponse.of(sla.createCalendar(command(body)));
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    CalendarResponse replace(@PathVariable UUID id, @Valid @RequestBody CalendarBody body) {
        return CalendarResponse.of(sla.replaceCalendar(new CalendarId(id), command(body)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        sla.deleteCalendar(new CalendarId(id));
    }

    private static SaveCalendar command(CalendarBody body) {
        var hours = new ArrayList<OpeningHours>();
        for (int i = 0; i < body.hours().size(); i++) {
            var stretch = body.hours().get(i);
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(stretch.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "hours[" + i + "].day", "'" + stretch.day() + "' is not a weekday (monday to sunday)");
            }
            Integer from = OpeningHours.minuteOf(stretch.from());
            if (from == null || from == OpeningHours.END_OF_DAY) {
                throw new InvalidInputException(
                        "hours[" + i + "].from", "'" + stretch.from() + "' is not a time of day (HH:mm)");
            }
            Integer to = OpeningHours.minuteOf(stretch.to());
            if (to == null) {
                throw new InvalidInputException(
                        "hours[" + i + "].to", "'" + stretch.to() + "' is not a time of day (HH:mm, up to 24:00)");
            }
            hours.add(new OpeningHours(day, from, to));
        }
        var holidays = body.holidays() == null
                ? List.<Holiday>of()
                : body.holidays().stream()
                        .map(h -> new Holiday(
                                h.date(),
                                Boolean.TRUE.equals(h.yearly()),
                                h.name().strip()))
                        .toList();
        return new SaveCalendar(body.name(), body.zone(), hours, holidays);
    }
}
