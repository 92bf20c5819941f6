package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TwoFactorManagement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' choice of the roles whose agents must sign in with a second factor. */
@Controller
class AdminTwoFactorController {

    private final TwoFactorManagement twoFactor;

    AdminTwoFactorController(TwoFactorManagement twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping("/admin/two-factor")
    String show(Model model) {
        model.addAttribute(
                "roles", Arrays.stream(Role.values()).map(Role::value).toList());
        model.addAttribute(
                "enforced", twoFactor.enforcedRoles().stream().map(Role::value).toList());
        return "agents/admin-two-factor";
    }

    @PostMapping("/admin/two-factor")
    String save(@RequestParam(required = false) @Nullable List<String> roles, RedirectAttributes redirect) {
        var enforced = EnumSet.noneOf(Role.class);
        for (String value : roles == null ? List.<String>of() : roles) {
            Arrays.stream(Role.values())
                    .filter(role -> role.value().equals(value))
                    .findFirst()
                    .ifPresent(enforced::add);
        }
        twoFactor.enforce(enforced);
        redirect.addFlashAttribute("notice", "twoFactor.notice.enforced");
        return "redirect:/admin/two-factor";
    }
}
