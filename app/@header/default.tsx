import { SiteHeader } from '@/components/layout/SiteHeader';

/** Every page but the cached public ones: the header for whoever is signed in (a per-request read of the session). */
export default function Header() {
  return <SiteHeader />;
}
