package dev.casekeeper.knowledge.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.knowledge.HelpBrand;
import dev.casekeeper.knowledge.HelpBranding;
import dev.casekeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The help center's brand for admins: its name, colours and logo. */
@RestController
@RequestMapping("/api/v1/knowledge/brand")
class HelpBrandRestController {

    record HelpBrandRequest(
            @Nullable String name,
            @Nullable String accentColor,
            @Nullable String headerColor) {}

    record HelpBrandResponse(
            String name,
            @Nullable String accentColor,
            @Nullable String headerColor,
            @Nullable String logoPath) {
        static HelpBrandResponse of(HelpBrand brand) {
            return new HelpBrandResponse(
                    brand.name(),
                    brand.accentColor(),
                    brand.headerColor(),
                    brand.hasLogo() ? "/help/brand/logo?v=" + brand.version() : null);
        }
    }

    private final HelpBranding branding;

    HelpBrandRestController(HelpBranding branding) {
        this.branding = branding;
    }

    @GetMapping
    HelpBrandResponse brand() {
        return HelpBrandResponse.of(branding.brand());
    }

    @PutMapping
    HelpBrandResponse change(@AuthenticationPrincipal SignedInAgent me, @RequestBody HelpBrandRequest request) {
        return HelpBrandResponse.of(branding.change(request.name(), request.accentColor(), request.headerColor(), me));
    }

    /** A PNG, JPEG, GIF or WebP picture as the multipart part {@code logo}. */
    @PutMapping("/logo")
    HelpBrandResponse logo(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestPart(name = "logo", required = false) @Nullable MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("logo", "send the picture as the multipart part 'logo'");
        }
        try {
            String name = file.getOriginalFilename();
            return HelpBrandResponse.of(
                    branding.changeLogo(new FileCheck.Upload(name == null ? "" : name, file.getBytes()), me));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping("/logo")
    HelpBrandResponse removeLogo(@AuthenticationPrincipal SignedInAgent me) {
        return HelpBrandResponse.of(branding.removeLogo(me));
    }
}
