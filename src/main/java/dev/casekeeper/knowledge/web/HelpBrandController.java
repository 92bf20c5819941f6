package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.HelpBranding;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.SafeDownload;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brand's style sheet and logo for every help-center page. The pages' content security policy
 * allows no inline style, so the colours come as a style sheet of their own; its address and the
 * logo's carry the brand's version, so a browser keeps them until the brand changes.
 */
@RestController
class HelpBrandController {

    private static final MediaType CSS = new MediaType("text", "css");

    private final HelpBranding branding;

    HelpBrandController(HelpBranding branding) {
        this.branding = branding;
    }

    @GetMapping("/help/brand.css")
    ResponseEntity<String> css() {
        return ResponseEntity.ok()
                .contentType(CSS)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(branding.brand().css());
    }

    /** The logo, served as any uploaded file is (an inline picture, never run, in a sandbox). */
    @GetMapping("/help/brand/logo")
    ResponseEntity<byte[]> logo() {
        var logo = branding.logo().orElseThrow(() -> new NotFoundException("Logo", "help center"));
        return SafeDownload.of(logo.filename(), logo.contentType(), logo.content());
    }
}
