// The frame every HalfHour email shares, and the few pieces its templates are built from. Inline
// styles only (mail clients drop <style> and web fonts), a system font at 16px, one brand-coloured
// button, and a footer that says why the email came and how to stop it.
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import { EMAIL_TOPICS, type EmailContext, type EmailData, type EmailKind } from '../messages';

/** What every template receives: the message's data and what the worker knows about the recipient. */
export interface EmailProps<K extends EmailKind> {
  data: EmailData<K>;
  context: EmailContext;
}

const colours = {
  brand: '#0b5a53', // brand-700: AA on white
  brandTint: '#eef7f6', // brand-50
  text: '#0f172a',
  muted: '#475569', // slate-600: still AA on white at 14px
  rule: '#d5ecea', // brand-100
};

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const styles = {
  body: { backgroundColor: '#ffffff', color: colours.text, fontFamily, margin: 0, padding: 0 },
  container: { maxWidth: '560px', margin: '0 auto', padding: '24px 16px' },
  wordmark: { color: colours.brand, fontSize: '20px', fontWeight: 700, lineHeight: '28px', margin: '0 0 24px' },
  heading: { color: colours.text, fontSize: '22px', fontWeight: 700, lineHeight: '30px', margin: '0 0 16px' },
  text: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  link: { color: colours.brand, textDecoration: 'underline' },
  button: {
    backgroundColor: colours.brand,
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 600,
    lineHeight: '24px',
    padding: '12px 20px',
    textDecoration: 'none',
  },
  quote: {
    borderLeft: `4px solid ${colours.brand}`,
    backgroundColor: colours.brandTint,
    fontSize: '16px',
    lineHeight: '24px',
    margin: '0 0 16px',
    padding: '12px 16px',
  },
  details: { backgroundColor: colours.brandTint, borderRadius: '6px', margin: '0 0 16px', padding: '16px 16px 0' },
  rule: { borderColor: colours.rule, margin: '32px 0 16px' },
  footer: { color: colours.muted, fontSize: '14px', lineHeight: '20px', margin: '0 0 8px' },
} satisfies Record<string, CSSProperties>;

interface EmailLayoutProps {
  kind: EmailKind;
  context: EmailContext;
  /** The subject, repeated as the document's title. */
  title: string;
  /** The line mail clients show beside the subject in the inbox. */
  preview: string;
  heading: string;
  /** Why this person got this email, as one sentence. */
  reason: ReactNode;
  /**
   * For email to an address that may have no account (sign-in, invitations): what to do if it was not
   * expected. It takes the place of the preferences link, which would mean nothing to them.
   */
  ifUnexpected?: string;
  children: ReactNode;
}

export function EmailLayout({ kind, context, title, preview, heading, reason, ifUnexpected, children }: EmailLayoutProps) {
  return (
    <Html lang="en-GB" dir="ltr">
      <Head>
        <title>{title}</title>
      </Head>
      <Body style={styles.body}>
        <Preview>{preview}</Preview>
        <Container style={styles.container}>
          <Text style={styles.wordmark}>HalfHour</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          <Greeting name={context.recipientName} />
          {children}
          <Hr style={styles.rule} />
          <Section>
            <Text style={styles.footer}>{reason}</Text>
            <HowToChange kind={kind} context={context} ifUnexpected={ifUnexpected} />
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

function Greeting({ name }: { name?: string | null }) {
  const trimmed = name?.trim();
  return <Text style={styles.text}>{trimmed ? `Hello ${trimmed},` : 'Hello,'}</Text>;
}

// Links sit on lines of their own: the plain text prints each address after its label, and punctuation
// straight after an address gets swallowed into the link by some mail clients.
function HowToChange({ kind, context, ifUnexpected }: { kind: EmailKind; context: EmailContext; ifUnexpected?: string }) {
  if (ifUnexpected) return <Text style={styles.footer}>{ifUnexpected}</Text>;
  if (EMAIL_TOPICS[kind] === null) {
    return (
      <>
        <Text style={styles.footer}>
          Emails like this one are about your account, your asks or your sessions, so they cannot be turned off.
        </Text>
        <Text style={styles.footer}>
          <Link href={context.preferencesUrl} style={styles.link}>
            Choose which other emails you get
          </Link>
        </Text>
      </>
    );
  }
  return (
    <Text style={styles.footer}>
      {context.unsubscribeUrl ? (
        <>
          <Link href={context.unsubscribeUrl} style={styles.link}>
            Unsubscribe from these emails
          </Link>
          <br />
        </>
      ) : null}
      <Link href={context.preferencesUrl} style={styles.link}>
        Change which emails you get
      </Link>
    </Text>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** The email's one call to action. `showAddress` adds the address as text for links people may need to copy. */
export function CallToAction({ href, label, showAddress = false }: { href: string; label: string; showAddress?: boolean }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      {showAddress ? (
        // Only in the HTML: the plain text already shows the address beside the button's label.
        <Text style={{ ...styles.footer, margin: '16px 0 0' }} data-skip-in-text="true">
          If the button does not work, copy this address into your browser:
          <br />
          <span style={{ wordBreak: 'break-all' }}>{href}</span>
        </Text>
      ) : null}
    </Section>
  );
}

/** Someone's own words (an offer's message, a moderator's note), kept as they wrote them, line breaks and all. */
export function Quote({ children }: { children: string }) {
  const lines = children.trim().split(/\r?\n/);
  return (
    <Text style={styles.quote}>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </Text>
  );
}

/** Label and value pairs ("When: ...") in a tinted box; rows without a value are left out. */
export function Details({ rows }: { rows: Array<[label: string, value: ReactNode | null | undefined]> }) {
  return (
    <Section style={styles.details}>
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <Text key={label} style={styles.text}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
    </Section>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  );
}

/**
 * "Sam Lee from Walk Trust cancelled your session about “X”" for the volunteer, who is meeting Walk Trust;
 * "... your session with Alex Morgan about “X”" for a colleague of Sam's. `actor` is who did it (lib/meetings
 * actorLabel: a volunteer's name, "Name from Organisation", or the organisation's name); `withName` is the
 * other side as this reader knows them.
 */
export function actedOnYourSession(actor: string, verb: string, withName: string, askTitle: string): string {
  const isTheOtherSide = actor === withName || actor.endsWith(` from ${withName}`);
  return isTheOtherSide
    ? `${actor} ${verb} your session about ${quoted(askTitle)}`
    : `${actor} ${verb} your session with ${withName} about ${quoted(askTitle)}`;
}

/** Puts a name or title in curly quotes in running text. */
export function quoted(value: string): string {
  return `“${value}”`;
}

/**
 * Shortens free text for a subject line: ask titles may be 120 characters, and a subject that long is
 * cut off by every inbox. Cuts at a word where it can; also flattens line breaks and other control characters
 * (NEL, escape, bell), which a header must not carry.
 */
export function clip(value: string, max = 60): string {
  const flat = value.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
