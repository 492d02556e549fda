-- Schema 5: indexes for one salesperson's agenda in a large store (a
-- 2,000-customer book among 100,000), kept apart from 0004 so that a
-- store already at schema 4 gets them too (IF NOT EXISTS: stores built
-- while they sat in 0004 have them already).

-- The agenda of one salesperson looks up their customers' run-out days
-- instead of walking the whole store's (agenda_source.go RunningOut).
CREATE INDEX IF NOT EXISTS purchases_customer_runs_out ON purchases(customer_id, runs_out_on) WHERE runs_out_on IS NOT NULL;

-- One salesperson's key dates of a window: their customers' dates by
-- calendar, month and day, checked in the index (agenda KeyDatesMatching).
-- It also serves every lookup by customer, so the plain one goes.
CREATE INDEX IF NOT EXISTS key_dates_customer_md ON key_dates(customer_id, calendar, month, day);
DROP INDEX IF EXISTS key_dates_customer;

-- One salesperson's holiday greeting group (class, most valuable first,
-- with the do-not-contact flag and the marketing days the cap needs) and
-- recent buyers (with the sale that anchors 1-3-7), read from the index
-- without visiting each customer's row: GroupMembers and RecentSales.
CREATE INDEX IF NOT EXISTS customers_owner_group ON customers(owner_id, class, value_rank, do_not_contact, marketing_dates);
DROP INDEX IF EXISTS customers_owner_class;
CREATE INDEX IF NOT EXISTS customers_owner_recent ON customers(owner_id, last_purchase_on, last_purchase_id);
DROP INDEX IF EXISTS customers_owner_last_purchase;

-- Reactivation and seasonal candidates: a salesperson's customers most
-- valuable first, with what decides dormant and quiet, so that only the
-- few chosen customers' rows are read (DormantCandidates, QuietCustomers).
CREATE INDEX IF NOT EXISTS customers_owner_value_facts ON customers(owner_id, value_rank, dormant_on, last_contact_on, last_touch_on, purchase_count, do_not_contact);
DROP INDEX IF EXISTS customers_owner_value;
