package dev.casekeeper.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.casekeeper.cases.CaseId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tokens of links customers follow from mail without signing in: a JWT signed with HMAC-SHA256
 * (Nimbus JOSE) naming the case, what the link is for (its audience: a status page or a rating), when
 * it expires and, for a rating, which solve of the case it rates and where it was sent from. A token
 * changed in any way, signed with another key or with another algorithm, meant for the other purpose,
 * or expired, is refused; since the case is in the token, a link cannot be moved to another case.
 */
@Component
class SignedLinks {

    /** What a link lets its holder do. */
    enum Purpose {
        STATUS,
        RATING;

        String audience() {
            return "casekeeper:" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A checked link: the case, and for a rating the solve it rates and where it was sent ({@code email}, {@code chat}). */
    record Link(
            CaseId caseId,
            @Nullable Instant solvedAt,
            @Nullable String via) {}

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);

    private final LinkKey key;
    private final PortalLinkSettings settings;
    private final Clock clock;

    SignedLinks(LinkKey key, PortalLinkSettings settings, Clock clock) {
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    String status(CaseId caseId) {
        return sign(Purpose.STATUS, caseId, null, null);
    }

    String rating(CaseId caseId, Instant solvedAt, String via) {
        return sign(Purpose.RATING, caseId, solvedAt, via);
    }

    private String sign(Purpose purpose, CaseId caseId, @Nullable Instant solvedAt, @Nullable String via) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .subject(caseId.value().toString())
                .audience(purpose.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.linkLifetime())));
        if (solvedAt != null) {
            claims.claim("solved", solvedAt.toString());
        }
        if (via != null) {
            claims.claim("via", via);
        }
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(key.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("A link could not be signed", e);
        }
        return jwt.serialize();
    }

    /** The link a token stands for, if it is good for this purpose now. */
    Optional<Link> check(String token, Purpose purpose) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(key.secret()))) {
                log.info("A signed link was refused: bad signature");
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            if (claims.getAudience() == null
                    || !claims.getAudience().contains(purpose.audience())
                    || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(clock.instant())
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            String solved = claims.getStringClaim("solved");
            if (purpose == Purpose.RATING && solved == null) {
                return Optional.empty();
            }
            return Optional.of(new Link(
                    new CaseId(UUID.fromString(claims.getSubject())),
                    solved == null ? null : Instant.parse(solved),
                    claims.getStringClaim("via")));
        } catch (ParseException | JOSEException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
