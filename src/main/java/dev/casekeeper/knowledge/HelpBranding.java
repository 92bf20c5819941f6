package dev.casekeeper.knowledge;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.FileRefused;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help center's brand, which admins set: the name in every page's header and title, a logo
 * (a picture, read from its bytes) and two colours, each refused unless text stays readable on it.
 */
@Service
@Transactional
public class HelpBranding {

    static final int MAX_NAME = 100;
    /** The largest logo accepted: a header picture, not a photo. */
    public static final long MAX_LOGO_BYTES = 200 * 1024;

    /** The page's background (the darker of the help center's two), and the brand's name colour without an accent. */
    static final String PAGE = "#f4f5f7";

    static final String BRAND_DARK = "#1e3a8a";

    private static final Logger log = LoggerFactory.getLogger(HelpBranding.class);

    private final BrandQueries brands;
    private final KnowledgeSettings settings;
    private final Clock clock;

    HelpBranding(BrandQueries brands, KnowledgeSettings settings, Clock clock) {
        this.brands = brands;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public HelpBrand brand() {
        return brands.find()
                .map(row -> new HelpBrand(
                        row.name() == null ? settings.brandName() : row.name(),
                        row.accentColor(),
                        row.headerColor(),
                        row.hasLogo(),
                        row.updatedAt()))
                .orElseGet(() -> new HelpBrand(settings.brandName(), null, null, false, null));
    }

    /**
     * Sets the name and colours; a blank colour is the help center's own. Refused, naming each field,
     * when the name is blank or long, a colour is not {@code #rrggbb}, or text would be hard to read:
     * the accent (links and the brand's name) on the page's background, or the brand's name on the header.
     */
    public HelpBrand change(
            @Nullable String name, @Nullable String accentColor, @Nullable String headerColor, SignedInAgent by) {
        var errors = new LinkedHashMap<String, String>();
        String brandName = name == null ? "" : name.strip();
        if (brandName.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (brandName.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters long");
        }
        String accent = colour(accentColor, "accentColor", errors);
        String header = colour(headerColor, "headerColor", errors);
        if (accent != null && !errors.containsKey("accentColor")) {
            readable(accent, PAGE, "accentColor", "the page's background (" + PAGE + ")", errors);
        }
        if (header != null && !errors.containsKey("headerColor")) {
            if (!errors.containsKey("accentColor")) {
                readable(accent == null ? BRAND_DARK : accent, header, "headerColor", "the brand's name", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        brands.save(brandName, accent, header, by.id().value(), clock.instant());
        log.info("Help center brand changed by agent {}", by.id());
        return brand();
    }

    /** Sets the logo: a PNG, JPEG, GIF or WebP picture by its bytes, at most {@value #MAX_LOGO_BYTES} bytes. */
    public HelpBrand changeLogo(FileCheck.Upload upload, SignedInAgent by) {
        FileCheck.Checked file;
        try {
            var checked = FileCheck.check(List.of(upload), 1, MAX_LOGO_BYTES);
            if (checked.isEmpty()) {
                throw new InvalidInputException("logo", "choose a picture to upload");
            }
            file = checked.getFirst();
        } catch (FileRefused e) {
            throw new InvalidInputException("logo", e.getMessage());
        }
        if (!FileCheck.INLINE.contains(file.contentType())) {
            throw new InvalidInputException("logo", "must be a PNG, JPEG, GIF or WebP picture");
        }
        brands.saveLogo(
                new BrandLogo(file.filename(), file.contentType(), file.content()),
                by.id().value(),
                clock.instant());
        log.info("Help center logo changed by agent {}", by.id());
        return brand();
    }

    public HelpBrand removeLogo(SignedInAgent by) {
        brands.saveLogo(null, by.id().value(), clock.instant());
        return brand();
    }

    @Transactional(readOnly = true)
    public Optional<BrandLogo> logo() {
        return brands.logo();
    }

    private static @Nullable String colour(@Nullable String given, String field, Map<String, String> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String colour = given.strip().toLowerCase(Locale.ROOT);
        if (!Contrast.isHex(colour)) {
            errors.put(field, "must be a colour written #rrggbb, like #1e3a8a");
        }
        return colour;
    }

    private static void readable(
            String text, String background, String field, String what, Map<String, String> errors) {
        double ratio = Contrast.ratio(text, background);
        if (ratio < Contrast.READABLE) {
            errors.put(
                    field,
                    String.format(
                            Locale.ROOT,
                            "is too close to %s: contrast %.1f:1, readable text needs at least %.1f:1",
                            what,
                            ratio,
                            Contrast.READABLE));
        }
    }
}
