// The site header is a parallel route (app/@header), and the client router keeps a parallel slot as it
// was on soft navigations: after a server action changes what the header shows (the person's name, or
// "Your asks" once they belong to an organisation), the old header would stay until a full reload. Every
// action that changes the header calls this before it returns or redirects.
import 'server-only';
import { refresh } from 'next/cache';

/** Tells the browser's router to fetch the whole page again, header included (next/cache `refresh`, Next 16). */
export function headerChanged(): void {
  refresh();
}
