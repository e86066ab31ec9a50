import { connection } from 'next/server';
import { HomePage } from '@/components/home/HomePage';

// Signed-in visitors (the proxy sends anonymous ones to the cached twin, app/cached/home).
export default async function Home() {
  await connection(); // live figures: render per request, never at build time
  return <HomePage />;
}
