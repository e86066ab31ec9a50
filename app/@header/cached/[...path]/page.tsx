import { SignedOutHeader } from '@/components/layout/SiteHeader';

// The cached public pages (app/cached) are rendered once for every anonymous visitor: their header reads no cookie.
export default function CachedHeader() {
  return <SignedOutHeader />;
}
