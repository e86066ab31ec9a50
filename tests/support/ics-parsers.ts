// A calendar invite as three independent parsers read it: ical.js (what Thunderbird uses) here, and
// Debian's python3-vobject and python3-icalendar through tests/support/parse-ics.py. Each gives the same
// shape, so a test can check the values once and then that the other two agree.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ICAL from 'ical.js';

export interface ParsedPerson {
  /** The calendar address, scheme in lower case: `mailto:someone@example.org`. */
  address: string;
  /** Parameter names in upper case, each with its one value. */
  params: Record<string, string>;
}

export interface ParsedInvite {
  method: string;
  /** How many VEVENTs the file holds: a line break that escaped would show as a second. */
  events: number;
  uid: string;
  sequence: number;
  summary: string;
  organizer: ParsedPerson | null;
  attendees: ParsedPerson[];
  /** The first event's property names, upper case, sorted: a smuggled property would show here. */
  properties: string[];
}

const SCRIPT = fileURLToPath(new URL('./parse-ics.py', import.meta.url));
// Debian's interpreter, where apt installs the two modules; a pyenv `python3` earlier on PATH lacks them.
const PYTHON = '/usr/bin/python3';

function address(value: unknown): string {
  const text = String(value);
  return text.toLowerCase().startsWith('mailto:') ? `mailto:${text.slice(7)}` : text;
}

function person(property: ICAL.Property): ParsedPerson {
  const [, params] = property.toJSON() as [string, Record<string, unknown>, string, unknown];
  return {
    address: address(property.getFirstValue()),
    params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name.toUpperCase(), String(value)])),
  };
}

export function parseWithIcalJs(ics: string): ParsedInvite {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  const event = events[0]!;
  const organizer = event.getFirstProperty('organizer');
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: events.length,
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    summary: String(event.getFirstPropertyValue('summary')),
    organizer: organizer ? person(organizer) : null,
    attendees: event.getAllProperties('attendee').map(person),
    properties: [...new Set(event.getAllProperties().map((property) => property.name.toUpperCase()))].sort(),
  };
}

/** What vobject and icalendar each read; throws with the script's message (a missing module, say) if it fails. */
export function parseWithPython(ics: string): { vobject: ParsedInvite; icalendar: ParsedInvite } {
  try {
    return JSON.parse(execFileSync(PYTHON, [SCRIPT], { input: ics, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${PYTHON} ${SCRIPT} could not read the invite: ${stderr || (error as Error).message}`);
  }
}

/** Parses with all three and fails unless they agree; returns ical.js's reading. */
export function parseEverywhere(ics: string): ParsedInvite {
  const reading = parseWithIcalJs(ics);
  const python = parseWithPython(ics);
  if (!isDeepStrictEqual(python.vobject, reading) || !isDeepStrictEqual(python.icalendar, reading)) {
    throw new Error(
      `The parsers disagree about the invite:\nical.js:   ${JSON.stringify(reading)}\nvobject:   ${JSON.stringify(python.vobject)}\nicalendar: ${JSON.stringify(python.icalendar)}\n\n${ics}`,
    );
  }
  return reading;
}
