# Reads one .ics on stdin with two parsers that share no code with ical.js or with each other (Debian's
# python3-vobject and python3-icalendar) and prints, as JSON, what each understood: the same shape
# tests/support/ics-parsers.ts makes from ical.js, so a test can compare the three.
import json
import sys

try:
    import icalendar
    import vobject
except ImportError as error:
    sys.exit(
        f"{error}. The calendar tests need Debian's python3-vobject and python3-icalendar: "
        "apt-get install -y python3-vobject python3-icalendar"
    )


def address(value):
    # The scheme is case-insensitive (RFC 3986); ics writes MAILTO: and mailto: alike.
    value = str(value)
    return "mailto:" + value[7:] if value.lower().startswith("mailto:") else value


def with_icalendar(text):
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    event = events[0]

    def person(prop):
        return {"address": address(prop), "params": {key.upper(): str(value) for key, value in prop.params.items()}}

    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    return {
        "method": str(calendar.get("METHOD")),
        "events": len(events),
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE")),
        "summary": str(event.get("SUMMARY")),
        "organizer": person(event["ORGANIZER"]) if "ORGANIZER" in event else None,
        "attendees": [person(attendee) for attendee in attendees],
        "properties": sorted({key.upper() for key in event.keys()}),
    }


def with_vobject(text):
    calendar = vobject.readOne(text)
    events = calendar.contents.get("vevent", [])
    event = events[0]

    def person(line):
        # vobject keeps every parameter as a list of values; each of ours has one.
        return {"address": address(line.value), "params": {key.upper(): ",".join(values) for key, values in line.params.items()}}

    return {
        "method": calendar.method.value,
        "events": len(events),
        "uid": event.uid.value,
        "sequence": int(event.sequence.value),
        "summary": event.summary.value,
        "organizer": person(event.organizer) if "organizer" in event.contents else None,
        "attendees": [person(line) for line in event.contents.get("attendee", [])],
        "properties": sorted({key.upper() for key in event.contents.keys()}),
    }


text = sys.stdin.read()
print(json.dumps({"vobject": with_vobject(text), "icalendar": with_icalendar(text)}, ensure_ascii=False))
