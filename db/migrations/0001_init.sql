-- crmtui schema, version 1.
-- Dates are TEXT 'YYYY-MM-DD' (local calendar days); instants are TEXT UTC
-- 'YYYY-MM-DDTHH:MM:SS.mmmZ'. Money is INTEGER minor units.
-- Sized for 100,000 customers, 1,000,000 purchases, 2,000,000 contacts:
-- every agenda rule reads an index or a per-customer aggregate column.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stores (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE salespeople (
    id             INTEGER PRIMARY KEY,
    store_id       INTEGER REFERENCES stores(id) ON DELETE SET NULL,
    name           TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    monthly_target INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX salespeople_name ON salespeople(name);

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    external_id       TEXT,
    name              TEXT NOT NULL,
    remark            TEXT NOT NULL DEFAULT '',
    salutation        TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',  -- first phone, for lists; all in customer_phones
    wechat            TEXT NOT NULL DEFAULT '',
    gender            TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    referrer_id       INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    owner_id          INTEGER REFERENCES salespeople(id) ON DELETE SET NULL,
    store_id          INTEGER REFERENCES stores(id) ON DELETE SET NULL,
    created_on        TEXT NOT NULL,
    direct_needs      TEXT NOT NULL DEFAULT '',
    potential_needs   TEXT NOT NULL DEFAULT '',
    preferences       TEXT NOT NULL DEFAULT '{}', -- JSON domain.Preferences
    recent_focus      TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    tags              TEXT NOT NULL DEFAULT '',   -- tags joined by ',' for lists; the truth is customer_tags
    preferred_channel TEXT NOT NULL DEFAULT '',
    do_not_contact    INTEGER NOT NULL DEFAULT 0,
    avoid_hours       TEXT NOT NULL DEFAULT '',
    man_money         INTEGER NOT NULL DEFAULT 0,
    man_authority     INTEGER NOT NULL DEFAULT 0,
    man_need          INTEGER NOT NULL DEFAULT 0,
    value_type        TEXT NOT NULL DEFAULT '',
    -- aggregates, recomputed in the transaction of every purchase/contact write
    purchase_count    INTEGER NOT NULL DEFAULT 0,
    return_count      INTEGER NOT NULL DEFAULT 0,
    total_spend       INTEGER NOT NULL DEFAULT 0,
    first_purchase_on TEXT,
    last_purchase_on  TEXT,
    last_purchase_id  INTEGER,
    avg_interval_days REAL NOT NULL DEFAULT 0,
    last_contact_on   TEXT,
    last_touch_on     TEXT,     -- later of last purchase and last contact (seasonal rule)
    dormant_on        TEXT,     -- first dormant day (segment config), NULL without purchases
    completeness      INTEGER NOT NULL DEFAULT 0,
    missing           TEXT NOT NULL DEFAULT '', -- missing key fields, ',' joined, most useful first
    -- segmentation: RFM against the store's quintile cuts (meta 'rfm_cuts')
    recency_days      INTEGER,
    frequency         INTEGER NOT NULL DEFAULT 0,
    monetary          INTEGER NOT NULL DEFAULT 0,
    r_score           INTEGER NOT NULL DEFAULT 0,
    f_score           INTEGER NOT NULL DEFAULT 0,
    m_score           INTEGER NOT NULL DEFAULT 0,
    class             TEXT NOT NULL DEFAULT 'prospect',
    value_rank        INTEGER NOT NULL DEFAULT 0, -- class rank × 100 + r + f + m: "most valuable first"
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX customers_external ON customers(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX customers_owner_value ON customers(owner_id, value_rank);
CREATE INDEX customers_value ON customers(value_rank);
CREATE INDEX customers_owner_last_purchase ON customers(owner_id, last_purchase_on);
CREATE INDEX customers_last_purchase ON customers(last_purchase_on);
CREATE INDEX customers_owner_class ON customers(owner_id, class);
CREATE INDEX customers_class ON customers(class);

CREATE TABLE customer_phones (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    phone       TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
) WITHOUT ROWID;
CREATE INDEX customer_phones_phone ON customer_phones(phone);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL COLLATE NOCASE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags(tag, customer_id);

CREATE TABLE key_dates (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    calendar    TEXT NOT NULL,
    year        INTEGER NOT NULL DEFAULT 0,
    month       INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    leap        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX key_dates_md ON key_dates(calendar, month, day);
CREATE INDEX key_dates_customer ON key_dates(customer_id);

CREATE TABLE special_days (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    calendar TEXT NOT NULL,
    month    INTEGER NOT NULL,
    day      INTEGER NOT NULL,
    leap     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE events (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    starts_at          TEXT NOT NULL,
    ends_at            TEXT NOT NULL,
    starts_on          TEXT NOT NULL, -- local day of starts_at
    ends_on            TEXT NOT NULL, -- local day of ends_at
    place              TEXT NOT NULL DEFAULT '',
    purpose            TEXT NOT NULL DEFAULT '',
    script             TEXT NOT NULL DEFAULT '',
    target_rule        TEXT NOT NULL DEFAULT '',
    capacity           INTEGER NOT NULL DEFAULT 0,
    invite_window_days INTEGER NOT NULL DEFAULT 0,
    store_id           INTEGER REFERENCES stores(id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX events_starts_on ON events(starts_on);
CREATE INDEX events_ends_on ON events(ends_on);

CREATE TABLE purchases (
    id             INTEGER PRIMARY KEY,
    external_id    TEXT,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    channel        TEXT NOT NULL DEFAULT 'offline',
    store_id       INTEGER REFERENCES stores(id) ON DELETE SET NULL,
    salesperson_id INTEGER REFERENCES salespeople(id) ON DELETE SET NULL,
    event_id       INTEGER REFERENCES events(id) ON DELETE SET NULL,
    usage_days     INTEGER NOT NULL DEFAULT 0,
    runs_out_on    TEXT,
    is_return      INTEGER NOT NULL DEFAULT 0,
    product        TEXT NOT NULL DEFAULT '', -- first line's product, for messages
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX purchases_customer ON purchases(customer_id, on_date);
CREATE INDEX purchases_on ON purchases(on_date);
CREATE INDEX purchases_runs_out ON purchases(runs_out_on) WHERE runs_out_on IS NOT NULL;
CREATE INDEX purchases_event ON purchases(event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX purchases_external ON purchases(external_id) WHERE external_id IS NOT NULL;

CREATE TABLE purchase_items (
    id          INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    product     TEXT NOT NULL,
    sku         TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL,
    amount      INTEGER NOT NULL
);
CREATE INDEX purchase_items_purchase ON purchase_items(purchase_id);

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    channel        TEXT NOT NULL,
    purpose        TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    next_on        TEXT,
    salesperson_id INTEGER REFERENCES salespeople(id) ON DELETE SET NULL,
    item_key       TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX contacts_customer ON contacts(customer_id, on_date);
CREATE INDEX contacts_on ON contacts(on_date);

CREATE TABLE follow_ups (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    due_on         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'open',
    contact_id     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    salesperson_id INTEGER REFERENCES salespeople(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX follow_ups_open_due ON follow_ups(due_on) WHERE status = 'open';
CREATE INDEX follow_ups_customer ON follow_ups(customer_id);

CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    status          TEXT NOT NULL DEFAULT 'planned',
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    invited_on      TEXT,
    note            TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    UNIQUE (event_id, customer_id)
);
CREATE INDEX invitations_event_status ON invitations(event_id, status);
CREATE INDEX invitations_invited_on ON invitations(invited_on) WHERE invited_on IS NOT NULL;
CREATE INDEX invitations_customer ON invitations(customer_id);

CREATE TABLE invitation_attempts (
    id            INTEGER PRIMARY KEY,
    invitation_id INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invitation_attempts_invitation ON invitation_attempts(invitation_id);

CREATE TABLE cases (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    subkind        TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    opened_at      TEXT NOT NULL,
    due_at         TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open',
    resolution     TEXT NOT NULL DEFAULT '',
    satisfaction   INTEGER NOT NULL DEFAULT 0,
    closed_at      TEXT,
    closed_on      TEXT,
    salesperson_id INTEGER REFERENCES salespeople(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX cases_open ON cases(kind, due_at) WHERE status <> 'closed';
CREATE INDEX cases_closed_on ON cases(closed_on) WHERE closed_on IS NOT NULL;
CREATE INDEX cases_customer ON cases(customer_id);

CREATE TABLE case_steps (
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    step           INTEGER NOT NULL,
    at             TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    skipped_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, step)
) WITHOUT ROWID;

CREATE TABLE templates (
    id         INTEGER PRIMARY KEY,
    purpose    TEXT NOT NULL,
    channel    TEXT NOT NULL DEFAULT '',
    lang       TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (purpose, channel, lang)
);

-- The kept state of agenda items: done, skipped, snoozed, or a call being retried.
CREATE TABLE item_states (
    key            TEXT PRIMARY KEY,
    rule           TEXT NOT NULL,
    customer_id    INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    state          TEXT NOT NULL,
    until_on       TEXT,
    retry_at       TEXT,
    tries          INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    salesperson_id INTEGER REFERENCES salespeople(id) ON DELETE SET NULL
) WITHOUT ROWID;
CREATE INDEX item_states_on ON item_states(on_date, state);

-- One row per agenda action, with what undo must restore (JSON).
CREATE TABLE item_actions (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL,
    at             TEXT NOT NULL,
    salesperson_id INTEGER,
    undo           TEXT NOT NULL,
    undone         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX item_actions_sales ON item_actions(salesperson_id, id);
