// Our lib modules import `server-only`, which throws outside Next's server bundle. Scripts that run
// lib code directly (the worker, benchmarks) call this first and then import lib with `await import`.
import { register } from 'node:module';

export function allowServerOnly(): void {
  register(
    'data:text/javascript,' +
      encodeURIComponent(
        `export async function resolve(specifier, context, next) {
           return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
         }`,
      ),
  );
}
