package dev.casekeeper.portal;

import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.callbacks.RequestCallback;
import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.customers.CustomerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Talk to a person" on the customer's case page: a call back in a window she chooses (as soon as
 * possible, or a two-hour slot in working hours today and tomorrow, in UTC as every portal time),
 * owned by the case's team until an agent takes it; and the calls already promised on the case.
 */
@Component
class PortalCallbacks {

    static final Duration SLOT = Duration.ofHours(2);
    static final int SLOTS = 8;

    /** A window offered: {@code from} 0 is "as soon as possible". */
    record Window(long from, Instant start, Instant end, boolean soon) {}

    /**
     * What the section shows: the windows to choose from, the open callbacks of the case, and whether
     * she can chat with a person about it now (its team has an agent available).
     */
    record Talk(List<Window> windows, List<Callback> open, boolean chatNow) {}

    private final PortalCases cases;
    private final CallbackManagement callbacks;
    private final ChannelManagement channels;
    private final Clock clock;

    PortalCallbacks(PortalCases cases, CallbackManagement callbacks, ChannelManagement channels, Clock clock) {
        this.cases = cases;
        this.callbacks = callbacks;
        this.channels = channels;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Talk talk(CustomerId customer, long number) {
        var kase = cases.own(customer, number);
        return new Talk(windows(clock.instant()), callbacks.openOfCase(kase.id()), channels.chatAvailable(kase.id()));
    }

    /** Asks for a call back on her own case; {@code from} is a window's start (epoch seconds), 0 for as soon as possible. */
    @Transactional
    Callback request(CustomerId customer, long number, @Nullable String phone, @Nullable String email, long from) {
        var kase = cases.own(customer, number);
        var now = clock.instant();
        var start = from == 0 ? now : Instant.ofEpochSecond(from);
        return callbacks.request(RequestCallback.fromCustomer(
                kase.id(), Callback.Source.PORTAL, phone, email, new CallbackWindow(start, start.plus(SLOT))));
    }

    static List<Window> windows(Instant now) {
        var list = new ArrayList<Window>();
        list.add(new Window(0, now, now.plus(SLOT), true));
        var day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        for (int d = 0; d < 3 && list.size() <= SLOTS; d++) {
            for (int hour = 9; hour < 17 && list.size() <= SLOTS; hour += 2) {
                var start = day.plusDays(d).withHour(hour).toInstant();
                if (!start.isBefore(now.plus(SLOT))) {
                    list.add(new Window(start.getEpochSecond(), start, start.plus(SLOT), false));
                }
            }
        }
        return List.copyOf(list);
    }
}
