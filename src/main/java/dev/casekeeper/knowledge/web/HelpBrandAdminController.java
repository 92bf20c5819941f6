package dev.casekeeper.knowledge.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.knowledge.HelpBranding;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page for the help center's brand: its name, two colours (contrast checked) and logo. */
@Controller
class HelpBrandAdminController {

    static final String PAGE = "knowledge/admin-help-center";

    private final HelpBranding branding;

    HelpBrandAdminController(HelpBranding branding) {
        this.branding = branding;
    }

    @GetMapping("/admin/help-center")
    String show(Model model) {
        var brand = branding.brand();
        return page(model, brand.name(), brand.accentColor(), brand.headerColor(), Map.of());
    }

    @PostMapping("/admin/help-center")
    String change(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String accentColor,
            @RequestParam(defaultValue = "") String headerColor,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        try {
            branding.change(name, accentColor, headerColor, me);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, name, accentColor, headerColor, e.fieldErrors());
        }
        redirect.addFlashAttribute("notice", "helpBrand.notice.saved");
        return "redirect:/admin/help-center";
    }

    @PostMapping("/admin/help-center/logo")
    String logo(
            @RequestPart(name = "logo", required = false) @Nullable MultipartFile logo,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        try {
            String filename = logo == null || logo.getOriginalFilename() == null ? "" : logo.getOriginalFilename();
            branding.changeLogo(new FileCheck.Upload(filename, logo == null ? new byte[0] : logo.getBytes()), me);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var brand = branding.brand();
            return page(model, brand.name(), brand.accentColor(), brand.headerColor(), e.fieldErrors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redirect.addFlashAttribute("notice", "helpBrand.notice.logo");
        return "redirect:/admin/help-center";
    }

    @PostMapping("/admin/help-center/logo/removal")
    String removeLogo(@AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        branding.removeLogo(me);
        redirect.addFlashAttribute("notice", "helpBrand.notice.logoRemoved");
        return "redirect:/admin/help-center";
    }

    private String page(
            Model model,
            String name,
            @Nullable String accentColor,
            @Nullable String headerColor,
            Map<String, String> errors) {
        model.addAttribute("brand", branding.brand());
        model.addAttribute("name", name);
        model.addAttribute("accentColor", accentColor == null ? "" : accentColor);
        model.addAttribute("headerColor", headerColor == null ? "" : headerColor);
        model.addAttribute("errors", errors);
        model.addAttribute("maxLogoKb", HelpBranding.MAX_LOGO_BYTES / 1024);
        return PAGE;
    }
}
