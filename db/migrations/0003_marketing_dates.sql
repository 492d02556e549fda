-- crmtui schema, version 3: each customer's latest marketing contact days
-- (greetings, invitations, reactivation), newest first, at most 10, joined
-- by ','. The agenda applies the 30-day marketing cap from this column
-- instead of counting contacts for thousands of customers per day.
ALTER TABLE customers ADD COLUMN marketing_dates TEXT NOT NULL DEFAULT '';

UPDATE customers SET marketing_dates = coalesce((
    SELECT group_concat(on_date, ',') FROM (
        SELECT k.on_date FROM contacts k
        WHERE k.customer_id = customers.id
          AND k.purpose IN ('birthday', 'anniversary', 'holiday', 'invitation', 'reactivation')
        ORDER BY k.on_date DESC LIMIT 10)), '');
