// The ORGANIZER and ATTENDEE lines of a session's calendar invite (RFC 5545/5546; docs/decisions/0017).
// Written here rather than by the `ics` package, which writes a name's double quote as \" (RFC 5545 has no
// escape inside a quoted parameter, so the name ends there and the rest spills into the property),
// lets a line break in the organizer's name start a new property, quotes ROLE and PARTSTAT where the
// grammar has bare words, and fails the whole invite over one address its validator dislikes. Pure.
import type { MeetingAttendee } from './messages';

/** The address in a From header's value: `HalfHour <no-reply@example.org>` or a bare `no-reply@example.org`. */
export function senderAddress(from: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(from);
  return (bracketed ? bracketed[1]! : from).trim();
}

/**
 * A name as a quoted parameter value. The quoted-string allows anything but a double quote and control
 * characters, with no escape for either; RFC 6868's ^' is not read by every calendar (Python's vobject
 * and icalendar show it as typed), so a double quote becomes a single one and a line break a space.
 */
function quotedName(name: string): string | null {
  const clean = name
    .replaceAll('"', "'")
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return clean ? `"${clean}"` : null;
}

/**
 * A mailto: URI (RFC 6068). Everything but the characters a URI takes as they are is percent-encoded, so
 * no address, however odd, can end the line or the value.
 */
function mailto(email: string): string {
  return `mailto:${email.trim().replace(/[^\w.~!$'*+:@-]/gu, (character) => encodeURIComponent(character))}`;
}

const encoder = new TextEncoder();

/** RFC 5545 3.1: at most 75 octets a line, continued after CRLF and a space, never inside a character. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (lines.length === 0 ? 75 : 74)) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/**
 * HalfHour, at the address the invite is sent from. iMIP (RFC 6047) expects the organizer of a REQUEST
 * or CANCEL to be its sender, and both sides' copies name the same one, so a CANCEL matches the event.
 */
export function organizerLine(sender: string): string {
  return foldLine(`ORGANIZER;CN=HalfHour:${mailto(senderAddress(sender))}`);
}

/**
 * Someone on the session: both sides agreed to the time before any invite is sent, hence ACCEPTED; and
 * HalfHour reads no calendar replies (changes go through the session's page), hence RSVP=FALSE.
 */
export function attendeeLine(attendee: MeetingAttendee): string {
  const name = attendee.name ? quotedName(attendee.name) : null;
  const params = ['CUTYPE=INDIVIDUAL', 'ROLE=REQ-PARTICIPANT', 'PARTSTAT=ACCEPTED', 'RSVP=FALSE', ...(name ? [`CN=${name}`] : [])];
  return foldLine(`ATTENDEE;${params.join(';')}:${mailto(attendee.email)}`);
}

/** The organizer and attendee lines, each ending in CRLF, ready to go inside the VEVENT. */
export function calendarPeople(sender: string, attendees: readonly MeetingAttendee[]): string {
  return [organizerLine(sender), ...attendees.map(attendeeLine)].map((line) => `${line}\r\n`).join('');
}
