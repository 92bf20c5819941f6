package dev.casekeeper.agents.web;

import static org.awaitility.Awaitility.await;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * What a phone's authenticator app does with the secret an agent typed in: a 6-digit code every 30
 * seconds. Each code it hands out is for a newer step than the last (Casekeeper refuses a step used
 * before), waiting for the clock when two are asked for within one step and the next.
 */
final class AuthenticatorApp {

    private final SecretKeySpec key;
    private final TimeBasedOneTimePasswordGenerator totp;
    private long lastStep;

    AuthenticatorApp(String secret) throws Exception {
        this.totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
        this.key = new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), totp.getAlgorithm());
    }

    /** The code of the current step, or of the step after the last one handed out if that is newer. */
    String nextCode() throws Exception {
        long step = Math.max(currentStep(), lastStep + 1);
        // Casekeeper takes the steps around its clock's, one either way.
        await().atMost(Duration.ofSeconds(40)).until(() -> step <= currentStep() + 1);
        lastStep = step;
        return codeAt(step);
    }

    /** The code of the step handed out last, again: what someone who overheard it would type. */
    String lastCode() throws Exception {
        return codeAt(lastStep);
    }

    private String codeAt(long step) throws Exception {
        return String.format(Locale.ROOT, "%06d", totp.generateOneTimePassword(key, Instant.ofEpochSecond(step * 30)));
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }
}
