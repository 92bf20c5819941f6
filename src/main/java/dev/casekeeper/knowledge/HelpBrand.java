package dev.casekeeper.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The help center's brand: its name, its colours ({@code #rrggbb}; null for the help center's own)
 * and whether it has a logo. {@code version} changes with every change, for the addresses of the
 * brand's style sheet and logo, which browsers may then keep.
 */
public record HelpBrand(
        String name,
        @Nullable String accentColor,
        @Nullable String headerColor,
        boolean hasLogo,
        @Nullable Instant updatedAt) {

    public long version() {
        return updatedAt == null ? 0 : updatedAt.toEpochMilli();
    }

    /** The brand's colours as CSS custom properties the help center's style sheet reads; empty without any. */
    public String css() {
        var css = new StringBuilder();
        if (accentColor != null) {
            css.append("--help-accent: ").append(accentColor).append("; ");
        }
        if (headerColor != null) {
            css.append("--help-header: ").append(headerColor).append("; ");
        }
        return css.isEmpty() ? "" : ".help-center { " + css + "}\n";
    }
}
