-- DENT BAP side: requests awaiting callbacks, so that a restarted BAP still correlates them within their ttl.
CREATE TABLE dent_bap_pending (
  message_id      text        NOT NULL,
  callback        text        NOT NULL,
  transaction_id  text        NOT NULL,
  expected_bpp_id text,
  deadline        timestamptz NOT NULL,
  PRIMARY KEY (callback, message_id)
);
CREATE INDEX dent_bap_pending_deadline ON dent_bap_pending (deadline);
