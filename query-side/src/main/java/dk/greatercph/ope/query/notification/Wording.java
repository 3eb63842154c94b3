package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.time.OpeTime;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The e-mail templates, in Danish and English: a subject and lines of plain text, and the same lines as HTML (every
 * value escaped). They name the delegation by id and organisation, the operator, times in Copenhagen and programme
 * items by title — never a delegation member.
 */
final class Wording {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Wording() {
    }

    record Email(String subject, String text, String html) {
    }

    static Email email(Notice notice, String language) {
        boolean da = "da".equals(language);
        String about = notice.organisation() + " (" + notice.delegationId() + ")";
        String subject;
        List<String> lines = new ArrayList<>();
        switch (notice.kind()) {
            case ASSIGNMENT_OFFERED -> {
                subject = da ? "Ny opgave: " + about : "New assignment: " + about;
                lines.add(da ? "I er tilbudt en opgave som " + role(notice.role(), true) + " for delegationen " + about + "."
                        : "You are offered an assignment as " + role(notice.role(), false) + " for delegation " + about + ".");
                lines.add(da ? "Svar senest " + time(notice.dueAt(), true) + "." : "Please answer by " + time(notice.dueAt(), false) + ".");
            }
            case ASSIGNMENT_WITHDRAWN -> {
                subject = da ? "Opgave trukket tilbage: " + about : "Assignment withdrawn: " + about;
                lines.add(da ? "Desken har omfordelt delegationen " + about + ", og tilbuddet til jer er trukket tilbage."
                        : "The desk re-routed delegation " + about + "; the offer to you is withdrawn.");
            }
            case DEADLINE_REMINDER -> {
                subject = da ? "Frist om en arbejdsdag: " + about : "Deadline in one working day: " + about;
                lines.add(da ? "Jeres svar på opgaven for delegationen " + about + " skal foreligge senest " + time(notice.dueAt(), true) + "."
                        : "Your answer to the assignment for delegation " + about + " is due by " + time(notice.dueAt(), false) + ".");
            }
            case ASSIGNMENT_ESCALATED -> {
                subject = da ? "Opgave eskaleret: " + about : "Assignment escalated: " + about;
                lines.add(da ? "Opgaven til " + notice.operatorId() + " for delegationen " + about + " blev ikke besvaret inden "
                        + time(notice.dueAt(), true) + " og er eskaleret til desken."
                        : "The assignment of " + notice.operatorId() + " for delegation " + about + " was not answered by "
                        + time(notice.dueAt(), false) + " and is escalated to the desk.");
            }
            case LEAD_DECLINED -> {
                subject = da ? "Lead har sagt nej: " + about : "Lead declined: " + about;
                lines.add(da ? notice.operatorId() + " har sagt nej til at være ledende operatør for delegationen " + about
                        + ". Delegationen skal fordeles igen."
                        : notice.operatorId() + " declined to lead delegation " + about + ". The delegation needs "
                        + "routing again.");
                if (notice.reason() != null) {
                    lines.add((da ? "Begrundelse: " : "Reason: ") + notice.reason());
                }
            }
            case PROGRAMME_CONFIRMED -> {
                subject = da ? "Program bekræftet: " + about : "Programme confirmed: " + about;
                lines.add(da ? "Programmet for delegationen " + about + " er bekræftet. En kalenderinvitation pr. programpunkt er vedhæftet."
                        : "The programme of delegation " + about + " is confirmed. A calendar invitation for each item is attached.");
                items(notice, da, lines);
            }
            case PROGRAMME_ITEM_CHANGED -> {
                subject = da ? "Programpunkt ændret: " + about : "Programme item changed: " + about;
                lines.add(da ? "Et bekræftet programpunkt for delegationen " + about + " er ændret; den opdaterede invitation er vedhæftet."
                        : "A confirmed programme item of delegation " + about + " changed; the updated invitation is attached.");
                items(notice, da, lines);
            }
            case PROGRAMME_ITEM_CANCELLED -> {
                subject = da ? "Programpunkt aflyst: " + about : "Programme item cancelled: " + about;
                lines.add(da ? "Et bekræftet programpunkt for delegationen " + about + " er aflyst."
                        : "A confirmed programme item of delegation " + about + " is cancelled.");
                items(notice, da, lines);
            }
            case PROGRAMME_CANCELLED -> {
                subject = da ? "Program aflyst: " + about : "Programme cancelled: " + about;
                lines.add(da ? "Delegationen " + about + " kommer ikke; alle programpunkter er aflyst."
                        : "Delegation " + about + " will not take place; every programme item is cancelled.");
                items(notice, da, lines);
            }
            case SCOPE_EXPANSION_DECIDED -> {
                boolean approved = "APPROVED".equals(notice.decision());
                subject = da ? (approved ? "Udvidelse godkendt: " : "Udvidelse afvist: ") + about
                        : (approved ? "Scope expansion approved: " : "Scope expansion rejected: ") + about;
                lines.add(da ? "Desken har " + (approved ? "godkendt" : "afvist") + " en udvidelse af delegationen " + about + "."
                        : "The desk " + (approved ? "approved" : "rejected") + " a scope expansion of delegation " + about + ".");
                if (notice.themes() != null && !notice.themes().isEmpty()) {
                    lines.add((da ? "Temaer: " : "Themes: ") + String.join(", ", notice.themes()));
                }
                if (notice.reason() != null) {
                    lines.add((da ? "Begrundelse: " : "Reason: ") + notice.reason());
                }
            }
            default -> throw new IllegalArgumentException(notice.kind().name());
        }
        lines.add("");
        lines.add(da ? "Venlig hilsen\nOne-Point-Entry, Greater Copenhagen" : "Kind regards\nOne-Point-Entry, Greater Copenhagen");
        String text = String.join("\n", lines) + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(da ? "da" : "en")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(HtmlUtils.htmlEscape(subject))
                .append("</title></head><body>");
        for (String line : lines) {
            if (!line.isEmpty()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(line).replace("\n", "<br>")).append("</p>");
            }
        }
        html.append("</body></html>");
        return new Email(subject, text, html.toString());
    }

    private static void items(Notice notice, boolean da, List<String> lines) {
        for (Notice.Item item : notice.items()) {
            lines.add("- " + item.title() + ": " + time(item.startsAt(), da) + " – " + time(item.endsAt(), da)
                    + (item.cancelled() ? (da ? " (aflyst)" : " (cancelled)") : ""));
        }
    }

    private static String role(String role, boolean da) {
        if ("LEAD".equals(role)) {
            return da ? "ledende operatør" : "lead operator";
        }
        return da ? "støttende operatør" : "supporting operator";
    }

    static String time(Instant at, boolean da) {
        return at == null ? "-" : (da ? DA : EN).format(at.atZone(OpeTime.COPENHAGEN));
    }
}
