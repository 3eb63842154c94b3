-- Set in the command's own transaction, so it is true exactly when what the request did was committed, whatever
-- became of its answer. A record marked so is never carried out again for its key: a retry after an answer lost to a
-- failure (503 after the commit, a connection broken during the commit) learns that it was recorded.
ALTER TABLE idempotency_record ADD COLUMN recorded BOOLEAN NOT NULL DEFAULT false;
