package dev.casekeeper.demo;

import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.callbacks.RequestCallback;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 001, the end of the lost activation key: she called back, was left on hold until she hung
 * up, and now Priya owns a callback promised for tomorrow 10:00-10:30 (UTC), so the case cannot be
 * solved before the call is made. Added once the demo stories are loaded (after every runner); the
 * once-key keeps a second start, or a second node, from adding it again.
 */
@Component
@Profile("demo")
class HoldCallbackDemo {

    private static final Logger log = LoggerFactory.getLogger(HoldCallbackDemo.class);

    private final CustomerManagement customers;
    private final CaseLookup lookup;
    private final CallbackManagement callbacks;
    private final DemoDesk desk;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldCallbackDemo(
            CustomerManagement customers,
            CaseLookup lookup,
            CallbackManagement callbacks,
            DemoDesk desk,
            TransactionTemplate transactions,
            Clock clock) {
        this.customers = customers;
        this.lookup = lookup;
        this.callbacks = callbacks;
        this.desk = desk;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void add() {
        transactions.executeWithoutResult(status -> {
            var customer = customers.findByIdentity(IdentityKind.EMAIL, ActivationKeyStory.EMAIL);
            var priya = desk.agents.list().stream()
                    .filter(a -> a.email().startsWith("priya@"))
                    .findFirst();
            if (customer.isEmpty() || priya.isEmpty()) {
                return;
            }
            var kase = lookup.ofRequester(customer.get().id(), 20).stream()
                    .filter(c -> c.subject().equals(ActivationKeyStory.SUBJECT))
                    .findFirst();
            if (kase.isEmpty()) {
                return;
            }
            var tomorrow = clock.instant()
                    .atZone(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.DAYS)
                    .plusDays(1)
                    .withHour(10)
                    .toInstant();
            var callback = callbacks.request(new RequestCallback(
                            kase.get().id(),
                            null,
                            priya.get().id(),
                            "+1 555 0142",
                            null,
                            new CallbackWindow(tomorrow, tomorrow.plus(Duration.ofMinutes(30))),
                            Callback.Source.PHONE,
                            "She called back and was left on hold until she hung up. Priya promised to call "
                                    + "at 10:00 to restore the licence and reinstall the software together.",
                            null)
                    .once("demo:activation-key:hold-callback"));
            log.info(
                    "Demo: callback {} owned by Priya on case {}",
                    callback.id(),
                    kase.get().id());
        });
    }
}
