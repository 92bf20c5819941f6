-- A desk's history for the search benchmark, written straight into Casekeeper's own schema with
-- set-based SQL. Run by bench/search.sh as the database's superuser:
--
--   psql -v cases=1000000 -f bench/search-load.sql
--
-- For :cases cases it writes 3 timeline entries per case (a customer's message, an agent's reply
-- and a note or a second message), :cases / 5 customers (an email and a phone each), 20 teams and
-- 200 agents (bench-agent-N@casekeeper.local, signed in with the admin's password). Words follow a
-- Zipf-like law (rank r is drawn with probability ~1/r) over 5,000 words: the first 40 are real
-- support words ("order", "refund" ...), the rest made of syllables, so a word's rank says how
-- common it is (bench/search.sh asks for a common, a rare and a two-word term). The data is
-- random, the shape is not: the same :cases gives the same sizes, distributions and indexes.
\set ON_ERROR_STOP on
\timing on

select :cases as cases, :cases / 5 as customers \gset bench_

create temp table bench_word as
select i as rank,
       case when i <= 40 then (array['order', 'refund', 'delivery', 'account', 'password', 'invoice',
           'payment', 'parcel', 'login', 'email', 'broken', 'return', 'replace', 'address', 'shipping',
           'cancel', 'subscription', 'charge', 'discount', 'warranty', 'colour', 'size', 'late',
           'technician', 'activation', 'key', 'licence', 'update', 'crash', 'screen', 'battery',
           'printer', 'router', 'wifi', 'contract', 'tariff', 'voucher', 'exchange', 'missing',
           'damaged'])[i]
       else (select string_agg((array['ka', 'to', 'mi', 're', 'su', 'lo', 'ne', 'pa', 'di', 'gu',
                                      'ba', 'fe', 'ho', 'ji', 'ru', 'vo'])[(i / (16 ^ k)::int) % 16 + 1],
                               '' order by k desc)
             from generate_series(0, 3) k) || 'x'
       end as w
from generate_series(1, 5000) i;
alter table bench_word add primary key (rank);

-- Texts are made once, as a pool of fragments, and picked by number: drawing every word of 3M
-- entries one by one (a subscript into a 5,000-word array walks it) kept a 1M load busy for hours.
-- A word's rank is Zipf-like: exp(uniform * ln 5000) has density ~1/r. An entry joins two fragments
-- of 6 to 20 words (12 to 40 words, as pairs of 200,000 fragments nearly every entry's text is its
-- own); a subject is one of 100,000 texts of 3 to 8 words.
create temp table bench_fragment as
select f.i, string_agg(w.w, ' ' order by r.k) as text
from generate_series(0, 199999) f(i)
cross join lateral (select k, least(5000, greatest(1, floor(exp(random() * ln(5000)))::int)) as rank
                    from generate_series(1, 6 + f.i % 15) k) r
join bench_word w on w.rank = r.rank
group by f.i;
alter table bench_fragment add primary key (i);

create temp table bench_subject as
select s.i, initcap(string_agg(w.w, ' ' order by r.k)) as text
from generate_series(0, 99999) s(i)
cross join lateral (select k, least(5000, greatest(1, floor(exp(random() * ln(5000)))::int)) as rank
                    from generate_series(1, 3 + s.i % 6) k) r
join bench_word w on w.rank = r.rank
group by s.i;
alter table bench_subject add primary key (i);
analyze bench_word, bench_fragment, bench_subject;

-- Teams and agents. The agents share the admin's password hash, so a benchmark can sign in as one.
insert into agents.team (id, name, created_at)
select gen_random_uuid(), 'Bench team ' || t, now() from generate_series(1, 20) t;

insert into agents.agent (id, email, name, password_hash, role, active, created_at, updated_at)
select gen_random_uuid(), 'bench-agent-' || a || '@casekeeper.local', 'Bench Agent ' || a,
       (select password_hash from agents.agent where role = 'admin' order by created_at limit 1),
       'agent', true, now(), now()
from generate_series(1, 200) a;

-- Agent N is in team N mod 20; every tenth agent also in the next team.
insert into agents.team_member (team_id, agent_id)
select t.id, a.id
from (select id, row_number() over (order by email) - 1 as n from agents.agent where email like 'bench-agent-%') a
join (select id, row_number() over (order by name) - 1 as n from agents.team where name like 'Bench team %') t
  on t.n = a.n % 20 or (a.n % 10 = 9 and t.n = (a.n + 1) % 20);

create temp table bench_team as
select id, row_number() over (order by name) - 1 as n from agents.team where name like 'Bench team %';
create temp table bench_agent as
select id, row_number() over (order by email) - 1 as n from agents.agent where email like 'bench-agent-%';

-- Customers with an email and a phone each.
create temp table bench_customer as
select n, gen_random_uuid() as id,
       (array['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kemal',
              'Lena', 'Mateo', 'Nora', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sami', 'Tilde'])[1 + n % 20]
       || ' ' ||
       (array['Schmidt', 'Garcia', 'Novak', 'Okafor', 'Larsen', 'Rossi', 'Yilmaz', 'Dubois', 'Kowalski',
              'Silva', 'Jensen', 'Moreau', 'Fischer', 'Haddad', 'Berg', 'Costa', 'Weber', 'Tanaka', 'Ortiz',
              'Keller', 'Murphy', 'Ivanova', 'Nakamura', 'Petrov', 'Andersen'])[1 + (n / 20) % 25]
       || case when n >= 500 then ' ' || (array['Marie', 'Luis', 'Jo', 'Kim', 'Alex'])[1 + (n / 500) % 5]
                                  || '-' || (n / 2500) else '' end as name
from generate_series(0, :bench_customers - 1) n;

insert into customers.customer (id, display_name, created_at, updated_at)
select id, name, now() - interval '3 years', now() - interval '3 years' from bench_customer;

insert into customers.identity (id, customer_id, kind, value, verified, created_at)
select gen_random_uuid(), id, 'email', 'customer' || n || '@example.com', true, now() - interval '3 years'
from bench_customer
union all
select gen_random_uuid(), id, 'phone', '+4930' || lpad(n::text, 8, '0'), false, now() - interval '3 years'
from bench_customer;

-- Cases, oldest first (so numbers rise with time), over three years. 11% are still open; of the rest,
-- those of the last five days are solved and the older ones closed, as the automatic close (4 days)
-- leaves a desk (solved cases of three years would keep its job busy for a long time at start).
create temp table bench_case as
select g as n, gen_random_uuid() as id,
       now() - (interval '3 years') * (1 - g::float8 / :bench_cases) as created_at,
       (array['new', 'open', 'open', 'pending', 'on_hold'])[1 + g % 5] as open_status,
       (g::bigint * 7919) % 100 as roll
from generate_series(1, :bench_cases) g;

-- The cases' and entries' secondary indexes are dropped for the load and built again after it, from
-- their own definitions as the migrations left them: building an index over a million rows is many
-- times faster than growing it row by row (the GIN indexes of the search above all: row by row, the
-- entries alone took more than an hour on 2 cores).
create temp table bench_index as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
from pg_index i
where i.indrelid in ('cases.support_case'::regclass, 'cases.timeline_entry'::regclass)
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do $$
declare r record;
begin
    for r in select name from bench_index loop
        execute 'drop index ' || r.name;
    end loop;
end $$;

insert into cases.support_case
    (id, subject, requester_id, channel, status, priority, tags, team_id, owner_id,
     created_at, updated_at, first_response_at, solved_at, closed_at, waiting_since)
select c.id,
       sj.text,
       cu.id,
       (array['email', 'email', 'web', 'chat', 'phone', 'api'])[1 + c.n % 6],
       s.status,
       (array['normal', 'normal', 'normal', 'low', 'high', 'urgent'])[1 + (c.n / 7) % 6],
       case c.n % 4 when 0 then '{}'::text[]
                    when 1 then array[(array['billing', 'shipping', 'vip', 'returns', 'bug'])[1 + (c.n / 4) % 5]]
                    when 2 then array['billing', (array['refund', 'vat', 'dunning'])[1 + (c.n / 4) % 3]]
                    else array['shipping'] end,
       case when c.n % 20 = 0 then null else t.id end,
       case when s.status = 'new' then null else a.id end,
       c.created_at,
       least(now(), c.created_at + interval '1 hour' * (c.roll + 1)),
       case when s.status = 'new' then null else c.created_at + interval '30 minutes' end,
       case when s.status in ('solved', 'closed') then least(now(), c.created_at + interval '1 hour' * (c.roll + 1)) end,
       case when s.status = 'closed' then least(now(), c.created_at + interval '1 hour' * (c.roll + 1)) end,
       case when s.status in ('new', 'open') then c.created_at end
from bench_case c
join bench_subject sj on sj.i = (c.n::bigint * 7919) % 100000
join bench_customer cu on cu.n = (c.n::bigint * 104729) % :bench_customers
join bench_team t on t.n = c.n % 20
join bench_agent a on a.n = (c.n % 20) + 20 * ((c.n / 20) % 10)
cross join lateral (select case when c.roll < 11 or c.n > :bench_cases - :bench_cases / 50 then c.open_status
                                when c.roll < 31 and c.created_at > now() - interval '5 days' then 'solved'
                                else 'closed' end as status) s
order by c.n;

-- Three entries per case: the customer's message, the agent's reply, then a note or another message.
insert into cases.timeline_entry (id, case_id, kind, author_kind, author_id, body_text, body_html, created_at)
select gen_random_uuid(), k.id, e.kind, e.author_kind,
       case when e.author_kind = 'customer' then k.requester_id else coalesce(k.owner_id, a.id) end,
       b.text, '<p>' || b.text || '</p>', k.created_at + interval '20 minutes' * e.step
from cases.support_case k
join bench_case c on c.id = k.id
join bench_agent a on a.n = c.n % 200
cross join lateral (values (0, 'message_in', 'customer'),
                           (1, 'message_out', 'agent'),
                           (2, case when c.n % 3 = 0 then 'message_in' else 'note' end,
                               case when c.n % 3 = 0 then 'customer' else 'agent' end)) e(step, kind, author_kind)
join bench_fragment f1 on f1.i = (c.n::bigint * 3 + e.step * 65537) % 200000
join bench_fragment f2 on f2.i = (c.n::bigint * 104729 + (c.n / 200000) * 7 + e.step * 7919 + 1) % 200000
cross join lateral (select f1.text || ' ' || f2.text as text) b
order by e.step, c.n;

set maintenance_work_mem = '512MB';
do $$
declare r record;
begin
    for r in select definition from bench_index loop
        execute r.definition;
    end loop;
end $$;

vacuum (analyze) customers.customer, customers.identity, cases.support_case, cases.timeline_entry,
    agents.agent, agents.team, agents.team_member;

select (select count(*) from cases.support_case) as cases,
       (select count(*) from cases.timeline_entry) as timeline_entries,
       (select count(*) from customers.customer) as customers,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
