import Link from 'next/link';

// A session's page exists only for its two sides and admins; to anyone else it looks like no page at all,
// so this says nothing about whether the session exists.
export default function MeetingNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">We could not find that session</h1>
      <p className="mt-4 text-slate-800">
        A session’s page is only open to the charity and the volunteer who booked it. If it is yours, check you are signed in with the email
        address you used for it.
      </p>
      <p className="mt-4">
        Go to <Link href="/dashboard">your dashboard</Link> for your sessions, or <Link href="/asks">browse the open asks</Link>.
      </p>
    </div>
  );
}
