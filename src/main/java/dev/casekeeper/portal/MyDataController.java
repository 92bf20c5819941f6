package dev.casekeeper.portal;

import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.shared.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My data": the customer downloads her data as JSON, and asks for it to be erased. Erasure is a
 * request a supervisor reviews; the page says where it stands.
 */
@Controller
class MyDataController {

    private final MyData data;
    private final ErasureManagement erasures;

    private final Clock clock;

    MyDataController(MyData data, ErasureManagement erasures, Clock clock) {
        this.data = data;
        this.clock = clock;
        this.erasures = erasures;
    }

    @GetMapping("/portal/data")
    String page(@AuthenticationPrincipal PortalCustomer customer, Locale locale, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("requests", erasures.ofCustomer(customer.id()));
        model.addAttribute("times", new PortalTimes(locale));
        return "portal/data";
    }

    /** Her data as a JSON download, written as it is read: every case, however many. */
    @GetMapping("/portal/data/export")
    void export(@AuthenticationPrincipal PortalCustomer customer, HttpServletResponse response) throws IOException {
        String name = "my-data-"
                + DateTimeFormatter.ofPattern("yyyy-MM-dd")
                        .withZone(ZoneOffset.UTC)
                        .format(clock.instant())
                + ".json";
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        data.write(customer.id(), response.getOutputStream());
    }

    @PostMapping("/portal/data/erasure")
    String erase(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(defaultValue = "") String confirm,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.data.erasure.confirmFirst");
            return page(customer, locale, model);
        }
        erasures.request(customer.id(), Actor.customer(customer.customerId()));
        redirect.addFlashAttribute("erasureRequested", true);
        return "redirect:/portal/data";
    }
}
