// Fills a bench database with 100k-scale asks by SQL in a few seconds: organisations (most verified, London
// over-represented), asks in every status (80% open) with one to three skills each, offers on about 40% of
// the open asks, and the typo look-up's word list. The per-row triggers on Ask and AskSkill are off while
// the asks are written and their work (the search vector, the listing columns) is done set-based, as the
// migrations' backfills do, so the rows are what the app itself would have written.
import type pg from 'pg';

export interface AskFill {
  asks: number;
  organisations: number;
  /** Every skill id, in the taxonomy's order (scripts/bench/support/taxonomy.ts). */
  skillIds: string[];
  /** Who makes the offers: existing users `${idPrefix}1` to `${idPrefix}${count}`. */
  offerVolunteers: { idPrefix: string; count: number };
}

// ---------------------------------------------------------------------------------------- vocabulary

const towns = `Ashford Barnsley Bedford Bolton Bradford Brighton Bristol Burnley Cardiff Carlisle Chester Colchester
  Coventry Crewe Darlington Derby Doncaster Dover Dundee Durham Exeter Falkirk Gateshead Gloucester Grimsby Halifax
  Harlow Hastings Hereford Huddersfield Hull Ipswich Kendal Lancaster Leeds Leicester Lincoln Liverpool Luton Margate
  Middlesbrough Newport Northampton Norwich Nottingham Oldham Oxford Paisley Penzance Perth Peterborough Plymouth
  Preston Reading Rochdale Salford Sheffield Shrewsbury Southampton Stockport Sunderland Swansea Swindon Taunton Telford
  Truro Wakefield Walsall Wigan Worcester Wrexham York Belfast Derry Newry Armagh Inverness Aberdeen Stirling`.split(/\s+/);
const orgKinds = `Youth Club|Food Bank|Community Garden|Men's Shed|Carers Network|Refugee Welcome|Arts Collective|Foodshare
  |Wildlife Trust|Advice Centre|Befriending Scheme|Sports Club|Play Association|Women's Aid|Mental Health Forum
  |Dementia Friends|Housing Project|Credit Union|Reading Circle|Disability Forum|Heritage Society|Community Kitchen`
  .split('|')
  .map((kind) => kind.trim());
const orgSuffixes = ['', 'Trust', 'Association', 'Project', 'CIO', 'Partnership', 'Network', 'Foundation'];
const verbs = `Review|Set up|Improve|Plan|Write|Check|Price|Simplify|Choose|Structure|Measure|Fix|Design|Update|Cost`.split('|');
const objects = `our first lottery bid|a budgeting spreadsheet|our funding strategy|the trustee induction pack
  |our volunteer rota|a Gift Aid process|our annual report|our social media plan|a donor thank-you letter
  |our safeguarding policy|the cash flow forecast|a grant application budget|our website homepage|our email newsletter
  |a supporter survey|our theory of change|a corporate partnership pitch|our data protection notice
  |a crowdfunding campaign|the payroll process|our impact report|a risk register|our fundraising events calendar
  |a press release for our open day|our recruitment advert|the reserves policy|our CRM database|a tender response`
  .split('|')
  .map((object) => object.trim());
const purposes = [
  '',
  'before our next board meeting',
  'for our funding application',
  'with no budget',
  'in time for spring',
  'for a small team of volunteers',
  'so trustees can follow it',
  'ahead of the council contract renewal',
];
const situations = `We are a small team with no finance staff.|Our trustees want clearer numbers each quarter.
  |Our funding from the council ends in March.|We rely on volunteers and nobody has done this before.
  |We were turned down last year and do not know why.|Our budgeting is done in a notebook at the moment.
  |We have grown quickly and our old way of working has broken.|A funder has asked us to show our impact.`
  .split('|')
  .map((sentence) => sentence.trim());
const questions = `What should we do first, and what can wait?|Is our current approach good enough for a funder?
  |Which two or three changes would make the biggest difference?|How do other small charities handle this?
  |Can you look at our draft and tell us what is missing?|What would you measure if you were us?`
  .split('|')
  .map((sentence) => sentence.trim());
// Words few asks use, so "a rare word" has a few dozen matches among 100k asks.
const rareWords = `polytunnel narrowboat kiln beekeeping allotment orchard ukulele braille makaton minibus hydrotherapy
  sensory foodbank fridge laundrette bicycle repair choir pantomime archery canoe falconry pottery weaving blacksmith
  greenhouse compost beehive hedgerow lighthouse harbour ferry tramway colliery chapel lido bandstand observatory
  planetarium aquarium herbarium apiary vineyard brewery bakery creamery tannery foundry mill quarry`.split(/\s+/);

const causeAreas = [
  'ANIMALS',
  'ARTS_AND_CULTURE',
  'CHILDREN_AND_YOUNG_PEOPLE',
  'COMMUNITY_DEVELOPMENT',
  'DISABILITY',
  'EDUCATION',
  'ENVIRONMENT',
  'HEALTH',
  'HOMELESSNESS_AND_HOUSING',
  'MENTAL_HEALTH',
  'OLDER_PEOPLE',
  'POVERTY',
  'REFUGEES_AND_ASYLUM',
  'SPORT',
  'WOMEN_AND_GIRLS',
];
const regions = [
  'NORTH_EAST',
  'NORTH_WEST',
  'YORKSHIRE_AND_THE_HUMBER',
  'EAST_MIDLANDS',
  'WEST_MIDLANDS',
  'EAST_OF_ENGLAND',
  'LONDON',
  'SOUTH_EAST',
  'SOUTH_WEST',
  'WALES',
  'SCOTLAND',
  'NORTHERN_IRELAND',
];

// ---------------------------------------------------------------------------------------- filling

/** Digits in a bench ask's number: six, as at 100k, or more when there are more asks. */
export const askIdWidth = (asks: number) => Math.max(6, String(Math.max(0, Math.floor(asks))).length);

/**
 * Ids: organisations org-1 to org-N, asks ask-000001 to ask-N, offers offer-<ask id>-<k>. Ask numbers are padded to
 * six digits or to the width of N if wider (ask-0000001 at a million), so they never collide and sort in order.
 */
export async function fillAsks(client: pg.Client, { asks: ASKS, organisations: ORGANISATIONS, skillIds, offerVolunteers }: AskFill) {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  const width = askIdWidth(ASKS);
  await q('SELECT setseed(0.42)');

  // Organisations: most verified; London over-represented; one to three cause areas each.
  await q(
    `INSERT INTO "Organisation" (id, name, type, "causeAreas", region, "sizeBand", description, status, "verifiedAt", "createdAt", "updatedAt")
     SELECT 'org-' || g,
            trim(($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] || ' ' || ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                 || ' ' || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]),
            (ARRAY['REGISTERED_CHARITY','CIO','CHARITABLE_COMPANY','SOCIAL_ENTERPRISE','COMMUNITY_GROUP'])[1 + floor(random() * 5)::int]::"OrganisationType",
            (SELECT array_agg(DISTINCT ($4::text[])[1 + (first + step * k) % 15]::"CauseArea")
               FROM generate_series(0, causes - 1) k),
            CASE WHEN random() < 0.2 THEN 'LONDON' ELSE ($5::text[])[1 + floor(random() * 12)::int] END::"Region",
            (ARRAY['MICRO','SMALL','SMALL','MEDIUM','MEDIUM','LARGE'])[1 + floor(random() * 6)::int]::"SizeBand",
            'A local charity made up for the benchmark.',
            CASE WHEN r < 0.92 THEN 'VERIFIED' WHEN r < 0.97 THEN 'PENDING_VERIFICATION' WHEN r < 0.99 THEN 'SUSPENDED' ELSE 'REJECTED' END::"OrganisationStatus",
            CASE WHEN r < 0.92 THEN now() - interval '400 days' END,
            now() - interval '500 days', now()
       FROM (SELECT g, random() AS r, floor(random() * 15)::int AS first, 1 + floor(random() * 6)::int AS step,
                    1 + floor(random() * 3)::int AS causes
               FROM generate_series(1, $6) g) AS o`,
    [towns, orgKinds, orgSuffixes, causeAreas, regions, ORGANISATIONS],
  );

  // Asks and their skills with the per-row triggers off: the search vector and the listing columns
  // (migration 20261123164618_ask_listing_columns) are computed here, set-based, as the migrations'
  // backfills do. The skills are drawn first, so each ask is written once with its arrays (updating
  // 100k rows afterwards would leave the table twice its size).
  await q('ALTER TABLE "Ask" DISABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" DISABLE TRIGGER USER');
  // One to three skills per ask, popular skills more often.
  await q(
    `CREATE TEMPORARY TABLE bench_ask_skill AS
     SELECT DISTINCT t.id AS "askId", ($1::text[])[1 + floor(power(random(), 1.4) * cardinality($1::text[]))::int] AS "skillId"
       FROM (SELECT 'ask-' || lpad(g::text, $3, '0') AS id FROM generate_series(1, $2) g) AS t CROSS JOIN generate_series(1, 3) k
      WHERE k <= 1 + abs(hashtext(t.id)) % 3`,
    [skillIds, ASKS, width],
  );
  await q(
    `INSERT INTO "Ask" (id, "organisationId", title, question, outcome, "durationMinutes", media, deadline, status,
                        "submittedAt", "publishedAt", "closedAt", "createdAt", "updatedAt", "searchVector",
                        "organisationRegion", "organisationCauseAreas", "organisationVerified", "skillIds", "skillCategoryIds")
     SELECT r.id, r.org, r.title, r.question, 'A clear next step we can act on.', r.duration, r.media, r.deadline,
            r.status::"AskStatus", r.created + interval '1 day', r.published,
            CASE WHEN r.status IN ('COMPLETED', 'WITHDRAWN', 'EXPIRED', 'REJECTED') THEN r.created + interval '20 days' END,
            r.created, r.created, ask_search_vector(r.title, r.question, o.name),
            o.region, o."causeAreas", o.status = 'VERIFIED', coalesce(sk.ids, '{}'), coalesce(sk.categories, '{}')
       FROM (
         SELECT s.*,
                -- open asks: published in the last 60 days (more of them recently), deadline ahead (1% overdue for the sweep)
                CASE WHEN s.status = 'OPEN' THEN now() - interval '60 days' * power(random(), 1.5)
                     WHEN s.status IN ('MATCHED', 'COMPLETED', 'EXPIRED', 'WITHDRAWN') THEN now() - interval '365 days' * random() - interval '30 days'
                END AS published,
                CASE WHEN s.status = 'OPEN' AND random() < 0.01 THEN now() - interval '5 days' * random()
                     WHEN s.status = 'OPEN' THEN now() + interval '1 day' + interval '59 days' * random()
                     ELSE now() + interval '120 days' * (random() - 0.7)
                END AS deadline,
                now() - interval '400 days' * random() AS created
           FROM (
             SELECT 'ask-' || lpad(g::text, $9, '0') AS id,
                    'org-' || (1 + floor(power(random(), 1.6) * $1))::int AS org,
                    CASE WHEN g % 5 <> 0 THEN 'OPEN'
                         ELSE (ARRAY['DRAFT','PENDING_REVIEW','CHANGES_REQUESTED','MATCHED','COMPLETED','REJECTED','WITHDRAWN','EXPIRED'])[1 + (g / 5) % 8]
                    END AS status,
                    ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] || ' '
                      || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
                      || coalesce(' ' || nullif(($4::text[])[1 + floor(random() * cardinality($4::text[]))::int], ''), '') AS title,
                    ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] || ' '
                      || CASE WHEN random() < 0.03 THEN 'It is for our ' || ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] || ' project. ' ELSE '' END
                      || ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS question,
                    (ARRAY[30,30,30,30,30,30,30,30,30,20,20,20,15,15,45,45,45,60,60,60])[1 + floor(random() * 20)::int] AS duration,
                    coalesce(nullif(array_remove(ARRAY[
                      CASE WHEN random() < 0.8 THEN 'VIDEO' END, CASE WHEN random() < 0.5 THEN 'PHONE' END,
                      CASE WHEN random() < 0.3 THEN 'EMAIL' END, CASE WHEN random() < 0.08 THEN 'IN_PERSON' END], NULL), '{}'),
                      ARRAY['VIDEO'])::"Medium"[] AS media
               FROM generate_series(1, $8) g
           ) AS s
       ) AS r
       JOIN "Organisation" o ON o.id = r.org
       LEFT JOIN (SELECT x."askId", array_agg(x."skillId" ORDER BY x."skillId") AS ids,
                         array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId") AS categories
                    FROM bench_ask_skill x JOIN "Skill" k ON k.id = x."skillId" GROUP BY x."askId") AS sk ON sk."askId" = r.id`,
    [ORGANISATIONS, verbs, objects, purposes, situations, questions, rareWords, ASKS, width],
  );

  await q(`INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt") SELECT "askId", "skillId", now() FROM bench_ask_skill`);
  await q('DROP TABLE bench_ask_skill');
  await q('ALTER TABLE "Ask" ENABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" ENABLE TRIGGER USER');

  // Offers on about 40% of the open asks written here (not the demo seed's, which have their own), mostly still
  // pending. As the app writes them: the medium is one of the ask's, and a declined offer has its answer's time
  // and reason (staff declined it in their own words).
  await q(
    `INSERT INTO "Offer" (id, "askId", "volunteerId", message, medium, status, "respondedAt", "declineReason", "createdAt", "updatedAt")
     SELECT o.id, o."askId", o."volunteerId", 'Happy to help.', o.medium, o.status::"OfferStatus",
            CASE WHEN o.status = 'DECLINED' THEN now() END, CASE WHEN o.status = 'DECLINED' THEN 'OTHER'::"OfferDeclineReason" END, now(), now()
       FROM (SELECT 'offer-' || a.id || '-' || k AS id, a.id AS "askId", $2::text || (1 + floor(random() * $1))::int AS "volunteerId",
                    a.media[1] AS medium, CASE WHEN random() < 0.85 THEN 'PENDING' ELSE 'DECLINED' END AS status
               FROM "Ask" a CROSS JOIN generate_series(1, 3) k
              WHERE a.status = 'OPEN' AND a.id ~ '^ask-[0-9]+$' AND abs(hashtext(a.id || 'offers')) % 10 < 4
                AND k <= 1 + abs(hashtext(a.id)) % 3) AS o
     ON CONFLICT DO NOTHING`,
    [offerVolunteers.count, offerVolunteers.idPrefix],
  );

  // The typo look-up's word list: every word of the asks and organisation names, as the trigger would
  // add them, plus 20k made-up words so it is as big as a real one.
  await q(
    `INSERT INTO "SearchWord" (word)
     SELECT DISTINCT word FROM (
       SELECT regexp_split_to_table(lower(title || ' ' || question), '[^[:alpha:]]+') AS word FROM "Ask"
       UNION ALL SELECT regexp_split_to_table(lower(name), '[^[:alpha:]]+') FROM "Organisation"
       UNION ALL SELECT (SELECT string_agg(chr(97 + floor(random() * 26)::int), '') FROM generate_series(1, 5 + g % 8) WHERE g > 0)
         FROM generate_series(1, 20000) g
     ) AS words
     WHERE length(word) BETWEEN 3 AND 40
     ON CONFLICT DO NOTHING`,
  );
}
