package dev.casekeeper.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page shown when a signed-in agent asks for something their role may not open. */
@Controller
class ErrorPagesController {

    static final String FORBIDDEN_PATH = "/forbidden";

    @RequestMapping(FORBIDDEN_PATH)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }
}
