package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose address a widget's socket counts against: X-Forwarded-For is believed only from a trusted proxy. */
class ClientAddressesTests {

    private final ClientAddresses addresses = new ClientAddresses(new ChatSettings(
            List.of(),
            2000,
            16384,
            30,
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            65536,
            List.of("127.0.0.1", "10.0.0.0/8"),
            new ChatSettings.PerAddress(30, 10),
            new ChatSettings.PerProxy(600, 200),
            Duration.ofSeconds(3)));

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeadersSay() {
        assertThat(addresses.client("198.51.100.7", List.of("203.0.113.9")))
                .isEqualTo(new ClientAddresses.Client("198.51.100.7", false));
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestAddressThatIsNoTrustedProxy() {
        assertThat(addresses.client("127.0.0.1", List.of("192.0.2.1, 203.0.113.9, 10.1.2.3")))
                .isEqualTo(new ClientAddresses.Client("203.0.113.9", false));
        assertThat(addresses.client("10.0.0.5", List.of("203.0.113.9", "10.1.2.3")))
                .isEqualTo(new ClientAddresses.Client("203.0.113.9", false));
    }

    @Test
    void aTrustedProxyThatNamesNoUsableClientStandsForEveryoneBehindIt() {
        assertThat(addresses.client("127.0.0.1", null)).isEqualTo(new ClientAddresses.Client("127.0.0.1", true));
        assertThat(addresses.client("127.0.0.1", List.of("10.1.2.3")))
                .isEqualTo(new ClientAddresses.Client("127.0.0.1", true));
        // A name is never looked up, and a made-up value is not an address.
        assertThat(addresses.client("127.0.0.1", List.of("evil.example.com")))
                .isEqualTo(new ClientAddresses.Client("127.0.0.1", true));
    }
}
