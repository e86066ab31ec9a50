#!/bin/sh
# Stands in for Prisma's native schema engine, which this project does not download.
# Use `npm run db:migrate`, `npm run db:migration:create` or `npm run db:migrate:check` instead.
echo "Prisma's native schema engine is not installed here; use npm run db:migrate / db:migration:create." >&2
exit 1
