import type { Database } from './database'

export type Migration = { version: number; name: string; sql: string }

/**
 * The schema, one step at a time. Never edit a step that has shipped: add the next one.
 * Each runs once, in order, inside the same transaction as its record in schema_migrations.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subscribers',
    sql: `
      create table subscribers (
        id bigint generated always as identity primary key,
        email text not null check (length(email) between 3 and 254),
        consented_at timestamptz not null,
        consent_text text not null,
        source_path text,
        source_review text,
        source_issue text,
        utm_source text,
        utm_medium text,
        utm_campaign text,
        utm_content text,
        utm_term text
      );
      create unique index subscribers_email_key on subscribers (lower(email));
    `,
  },
  {
    version: 2,
    name: 'preview_links',
    sql: `
      create table preview_links (
        id text primary key check (length(id) between 16 and 64),
        slug text not null check (length(slug) between 1 and 200),
        created_by text not null check (length(created_by) between 1 and 254),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        revoked_by text
      );
      create index preview_links_live on preview_links (expires_at) where revoked_at is null;
    `,
  },
  {
    version: 3,
    name: 'newsletter',
    // Addresses stored before double opt-in never confirmed: they become pending like any new
    // signup and are never mailed until they confirm (or are purged after 30 days).
    sql: `
      alter table subscribers
        add column status text not null default 'pending'
          check (status in ('pending', 'confirmed', 'unsubscribed', 'bounced')),
        add column consent_version text,
        add column confirmed_at timestamptz,
        add column unsubscribed_at timestamptz,
        add column bounced_at timestamptz,
        add column unsubscribe_token text not null default replace(gen_random_uuid()::text, '-', '');
      create unique index subscribers_unsubscribe_token_key on subscribers (unsubscribe_token);
      create index subscribers_pending on subscribers (consented_at) where status = 'pending';
      create index subscribers_confirmed on subscribers (id) where status = 'confirmed';

      -- Only a hash of each confirmation link's token is kept: the database cannot confirm anyone.
      create table confirmation_tokens (
        token_hash text primary key,
        subscriber_id bigint not null references subscribers (id) on delete cascade,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index confirmation_tokens_subscriber on confirmation_tokens (subscriber_id, created_at);

      -- One row per newsletter sent, and one per (newsletter, reader): the ledger that makes each
      -- email go out once, whatever the job queue retries.
      create table newsletter_sends (
        issue text primary key,
        started_at timestamptz not null default now()
      );
      create table newsletter_deliveries (
        issue text not null references newsletter_sends (issue),
        subscriber_id bigint not null references subscribers (id) on delete cascade,
        state text not null default 'queued'
          check (state in ('queued', 'sending', 'sent', 'deferred', 'bounced', 'skipped')),
        attempts integer not null default 0,
        last_error text,
        updated_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (issue, subscriber_id)
      );
    `,
  },
  {
    version: 4,
    name: 'staff_sign_in',
    // Better Auth's tables for staff sign-in (lib/staff/auth.ts), in its own column names; a test
    // asks Better Auth whether it would change anything (lib/staff/auth.integration.test.ts).
    sql: `
      create table staff_users (
        "id" text primary key,
        "name" text not null,
        "email" text not null unique,
        "emailVerified" boolean not null,
        "image" text,
        "createdAt" timestamptz not null default current_timestamp,
        "updatedAt" timestamptz not null default current_timestamp
      );
      create table staff_sessions (
        "id" text primary key,
        "expiresAt" timestamptz not null,
        "token" text not null unique,
        "createdAt" timestamptz not null default current_timestamp,
        "updatedAt" timestamptz not null,
        "ipAddress" text,
        "userAgent" text,
        "userId" text not null references staff_users ("id") on delete cascade
      );
      create index "staff_sessions_userId_idx" on staff_sessions ("userId");
      -- Unused by magic links (no passwords, no other providers) but part of Better Auth's schema.
      create table staff_accounts (
        "id" text primary key,
        "accountId" text not null,
        "providerId" text not null,
        "userId" text not null references staff_users ("id") on delete cascade,
        "accessToken" text,
        "refreshToken" text,
        "idToken" text,
        "accessTokenExpiresAt" timestamptz,
        "refreshTokenExpiresAt" timestamptz,
        "scope" text,
        "password" text,
        "createdAt" timestamptz not null default current_timestamp,
        "updatedAt" timestamptz not null
      );
      create index "staff_accounts_userId_idx" on staff_accounts ("userId");
      -- Sign-in links: only a hash of each token is stored.
      create table staff_verifications (
        "id" text primary key,
        "identifier" text not null,
        "value" text not null,
        "expiresAt" timestamptz not null,
        "createdAt" timestamptz not null default current_timestamp,
        "updatedAt" timestamptz not null default current_timestamp
      );
      create index "staff_verifications_identifier_idx" on staff_verifications ("identifier");
    `,
  },
  {
    version: 5,
    name: 'staff_rate_limits',
    // Better Auth's own rate limiter's counts (lib/staff/auth.ts), shared by every instance.
    sql: `
      create table staff_rate_limits (
        "id" text primary key,
        "key" text not null unique,
        "count" integer not null,
        "lastRequest" bigint not null
      );
    `,
  },
  {
    version: 6,
    name: 'owed_emails',
    // Every email the site owes but the new issue's (which newsletter_deliveries records), written
    // in the transaction of what owes it and then sent by the site's worker (lib/mail/owed.ts).
    // The payload holds what the email needs (a link's token) until it is sent, then is cleared.
    // newsletter_sends gains who started a send and whether it is paused; newsletter_requests
    // records each erase and export made from the desk, without the erased address.
    sql: `
      create table owed_emails (
        id bigint generated always as identity primary key,
        kind text not null check (kind in ('confirmation', 'sign-in', 'issue-test')),
        recipient text not null check (length(recipient) between 3 and 254),
        cause text not null check (length(cause) between 1 and 300),
        payload jsonb,
        state text not null default 'queued'
          check (state in ('queued', 'sending', 'deferred', 'sent', 'bounced', 'expired')),
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        due_at timestamptz not null default now(),
        expires_at timestamptz,
        sent_at timestamptz
      );
      create index owed_emails_due on owed_emails (due_at)
        where state in ('queued', 'sending', 'deferred');
      create index owed_emails_recipient on owed_emails (lower(recipient), created_at);

      alter table newsletter_sends
        add column started_by text,
        add column paused_at timestamptz,
        add column paused_by text;

      create table newsletter_requests (
        id bigint generated always as identity primary key,
        action text not null check (action in ('erase', 'export')),
        made_by text not null check (length(made_by) between 1 and 254),
        made_at timestamptz not null default now(),
        rows integer not null check (rows >= 0)
      );
    `,
  },
  {
    version: 7,
    name: 'analytics',
    // Page views counted by the beacon (lib/analytics/, docs/analytics.md). No IP address or user
    // agent is stored: `visitor` is a hash made with that day's salt, and each salt is deleted
    // once its day is over. Raw events are kept ANALYTICS_RETENTION_DAYS; the daily rollups for ever.
    sql: `
      create table analytics_events (
        id bigint generated always as identity primary key,
        at timestamptz not null,
        day date not null,
        path text not null check (length(path) between 1 and 200),
        kind text not null check (kind in ('review', 'critic', 'genre', 'issue', 'home', 'other')),
        review text not null default '',
        referrer text not null default '',
        utm_source text not null default '',
        utm_medium text not null default '',
        utm_campaign text not null default '',
        utm_content text not null default '',
        device text not null check (device in ('phone', 'desktop')),
        visitor text not null
      );
      create index analytics_events_day on analytics_events (day);

      create table analytics_salts (
        day date primary key,
        salt text not null
      );

      -- One row per (day, dimension, value of its columns); columns a dimension does not group by
      -- are ''. Visitors are distinct within the row's day and values.
      create table analytics_daily (
        day date not null,
        dimension text not null,
        path text not null default '',
        kind text not null default '',
        review text not null default '',
        referrer text not null default '',
        utm_source text not null default '',
        utm_medium text not null default '',
        utm_campaign text not null default '',
        utm_content text not null default '',
        device text not null default '',
        views integer not null,
        visitors integer not null
      );
      create index analytics_daily_dimension_day on analytics_daily (dimension, day);

      -- One review's page reads its rows alone.
      create index analytics_daily_review on analytics_daily (review, dimension, day)
        where review <> '';

      -- The days whose rollups are written: reports read those from analytics_daily, the rest
      -- (today, and any day not yet rolled up) from the raw events.
      create table analytics_rolled_days (
        day date primary key,
        rolled_at timestamptz not null default now()
      );

      -- The same rows per calendar month (day: the month's first), added up from the daily ones
      -- once the month has ended, so that a year's report reads 12 months' rows and not 365
      -- days'. A period's visitors are the sum of its days', so months add up the same way.
      create table analytics_monthly (like analytics_daily);
      create index analytics_monthly_dimension_day on analytics_monthly (dimension, day);
      create table analytics_rolled_months (
        month date primary key,
        rolled_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 8,
    name: 'analytics newsletter rollups',
    // The newsletter's clicks per issue and review get rollup rows of their own (lib/analytics/
    // store.ts, DIMENSIONS), made here for the days and months already rolled up from the
    // campaign-and-page rows the report added up until now, so that their figures do not change.
    // Rows no report reads go: campaign-and-page rows without a campaign, page-and-referrer rows
    // without a referrer (their views are the page rows').
    sql: `
      insert into analytics_daily (day, dimension, utm_campaign, review, views, visitors)
        select day, 'newsletter', utm_campaign, review, sum(views), sum(visitors)
        from analytics_daily where dimension = 'campaign_page' and utm_medium = 'email'
        group by day, utm_campaign, review;
      insert into analytics_monthly (day, dimension, path, kind, review, referrer, utm_source,
          utm_medium, utm_campaign, utm_content, device, views, visitors)
        select day, 'newsletter', '', '', review, '', '', '', utm_campaign, '', '', sum(views),
          sum(visitors)
        from analytics_monthly where dimension = 'campaign_page' and utm_medium = 'email'
        group by day, utm_campaign, review;
      delete from analytics_daily where dimension = 'campaign_page' and utm_source = ''
        and utm_medium = '' and utm_campaign = '' and utm_content = '';
      delete from analytics_monthly where dimension = 'campaign_page' and utm_source = ''
        and utm_medium = '' and utm_campaign = '' and utm_content = '';
      delete from analytics_daily where dimension = 'page_referrer' and referrer = '';
      delete from analytics_monthly where dimension = 'page_referrer' and referrer = '';

      -- A year's report reads every newsletter row of the period: from the index alone.
      create index if not exists analytics_daily_newsletter on analytics_daily (day)
        include (utm_campaign, review, views, visitors) where dimension = 'newsletter';
      create index if not exists analytics_monthly_newsletter on analytics_monthly (day)
        include (utm_campaign, review, views, visitors) where dimension = 'newsletter';
    `,
  },
]

/** Any number shared by every copy of the site, so two servers starting at once take turns. */
const MIGRATION_LOCK = 7_302_514

export async function migrate(
  db: Database,
  steps: readonly Migration[] = migrations,
): Promise<number[]> {
  steps.forEach((step, i) => {
    if (step.version !== i + 1)
      throw new Error(`Migration ${step.name} is numbered ${step.version}; expected ${i + 1}`)
  })
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query(`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`)
    const done = await tx.query<{ version: number }>(
      'select version from schema_migrations order by version',
    )
    const latest = done.at(-1)?.version ?? 0
    if (latest > steps.length) {
      throw new Error(
        `The database is at schema version ${latest}, newer than this code (${steps.length}): deploy the newer code`,
      )
    }
    const applied: number[] = []
    for (const step of steps.slice(latest)) {
      await tx.exec(step.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        step.version,
        step.name,
      ])
      applied.push(step.version)
    }
    return applied
  })
}
