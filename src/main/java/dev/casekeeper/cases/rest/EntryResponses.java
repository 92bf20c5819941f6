package dev.casekeeper.cases.rest;

import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineJson;
import dev.casekeeper.cases.TimelineLines;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Timeline entries as the API shows them: the event's type name, its data and its readable line. */
@Component
class EntryResponses {

    private final TimelineJson json;
    private final TimelineLines lines;

    EntryResponses(TimelineJson json, TimelineLines lines) {
        this.json = json;
        this.lines = lines;
    }

    CaseDetailResponse.EntryResponse of(TimelineEntry e) {
        var event = e.event();
        String name = e.authorName() == null ? "" : e.authorName();
        return new CaseDetailResponse.EntryResponse(
                e.id(),
                e.kind().value(),
                e.author().kind().value(),
                e.author().id(),
                e.authorName(),
                e.bodyText(),
                e.bodyHtml(),
                event == null ? null : TimelineJson.typeOf(event.getClass()),
                e.kind() == EntryKind.EVENT
                        ? lines.line(e, name, LocaleContextHolder.getLocale()).text()
                        : null,
                json.data(e),
                e.createdAt(),
                CaseDetailResponse.DeliveryResponse.of(e.delivery()));
    }

    /** {@code caseFields} is the case as the caller may see it. */
    CaseDetailResponse detail(CaseDetail detail, CaseResponse caseFields) {
        return new CaseDetailResponse(
                caseFields,
                CaseDetailResponse.HandoverResponse.of(detail.handover()),
                detail.timeline().stream().map(this::of).toList());
    }
}
