import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { appUrl } from '@/lib/env';
import './globals.css';

const siteTitle = 'HalfHour: expert help for small charities, half an hour at a time';
const siteDescription = 'Small charities post narrowly scoped questions; experienced volunteers offer a short session to help.';

export const metadata: Metadata = {
  // Resolves the relative image URLs below to absolute ones, as link previews require.
  metadataBase: new URL(appUrl()),
  title: { default: siteTitle, template: '%s · HalfHour' },
  description: siteDescription,
  // Link previews. The image is rendered from scripts/assets/og-image.html; `twitter` takes its title, text and image from here.
  openGraph: {
    title: siteTitle,
    description: siteDescription,
    siteName: 'HalfHour',
    locale: 'en_GB',
    type: 'website',
    images: [{ url: '/og-image.png', width: 1200, height: 630, alt: siteTitle }],
  },
  twitter: { card: 'summary_large_image' },
  // Setting `icons` here stops Next linking app/icon.svg by itself, so the favicon is named too. iOS wants an opaque
  // PNG for the home screen (rendered from scripts/assets/apple-touch-icon.html).
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' }, apple: '/apple-touch-icon.png' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5a53' };

/**
 * `header` is a parallel route (app/@header): the signed-in header on per-request pages, the signed-out one on
 * the cached public pages, which must not read the session (docs/decisions/0013).
 */
export default function RootLayout({ children, header }: { children: ReactNode; header: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only bg-amber-300 px-4 py-2 text-slate-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          Skip to main content
        </a>
        {header}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
