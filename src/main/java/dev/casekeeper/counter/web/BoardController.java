package dev.casekeeper.counter.web;

import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.CounterStreams;
import dev.casekeeper.counter.LocationManagement;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The display board of a location, for a screen in the waiting area: who is served at which desk,
 * the next numbers, the wait per reason. The page listens to the location's event stream and
 * reloads its board when the line changes, and again whenever the stream comes back after a drop.
 */
@Controller
class BoardController {

    private final LocationManagement locations;
    private final CounterManagement counter;
    private final CounterStreams streams;

    BoardController(LocationManagement locations, CounterManagement counter, CounterStreams streams) {
        this.locations = locations;
        this.counter = counter;
        this.streams = streams;
    }

    @GetMapping("/counter/board/{slug}")
    String board(@PathVariable String slug, Model model) {
        var location = locations.bySlug(slug);
        model.addAttribute("location", location);
        model.addAttribute("board", counter.board(location.id()));
        return "counter/board";
    }

    @GetMapping("/counter/board/{slug}/now")
    String now(@PathVariable String slug, Model model) {
        var location = locations.bySlug(slug);
        model.addAttribute("location", location);
        model.addAttribute("board", counter.board(location.id()));
        return "counter/board :: board";
    }

    @GetMapping(path = "/counter/board/{slug}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String slug) {
        return streams.open(locations.bySlug(slug).id());
    }
}
