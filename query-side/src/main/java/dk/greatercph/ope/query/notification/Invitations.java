package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.query.schedule.IcsText;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.time.Instant;

/**
 * One iTIP message (RFC 5546) per programme item: METHOD:REQUEST for a confirmed or changed item, METHOD:CANCEL for
 * a cancelled one, with the item's stable UID (the schedule feed's) and its SEQUENCE, which every change raises.
 * Times are written in UTC, so no VTIMEZONE is needed.
 */
final class Invitations {

    private Invitations() {
    }

    record Invitation(String fileName, String method, String content) {
    }

    static Invitation of(String delegationId, Notice.Item item, Instant stamp, String organizer, String attendee) {
        boolean cancel = item.cancelled();
        VEvent event = new VEvent(false);
        event.add(new Uid(item.uid(delegationId)));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(item.startsAt()));
        event.add(new DtEnd<>(item.endsAt()));
        event.add(new Summary(item.title()));
        event.add(new Sequence(item.sequence()));
        event.add(new Status(cancel ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        event.add(new Organizer(URI.create("mailto:" + organizer)).add(new Cn("One-Point-Entry")));
        if (attendee != null) {
            event.add(new Attendee(URI.create("mailto:" + attendee))
                    .add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(new Rsvp(false)));
        }
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Greater Copenhagen//One-Point-Entry notifications//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return new Invitation("item-" + item.itemId() + ".ics", cancel ? "CANCEL" : "REQUEST",
                IcsText.of(calendar, true));
    }
}
