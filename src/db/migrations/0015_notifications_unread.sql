-- The header of every signed-in page counts the user's unread notifications: a partial index keeps that count to the
-- few unread rows of one user, however many read ones pile up over the years.
create index notifications_unread_idx on notifications (user_id) where read_at is null;
