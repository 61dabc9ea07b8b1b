-- DENT BPP store, version 1. Personal data (billing, payments) and whole callback bodies are AES-GCM ciphertext
-- (column *_key_id names the key); everything needed to enforce capacity is in plain columns.

CREATE TABLE dent_asset (
  asset_id   text   PRIMARY KEY,
  -- bumped by every write of the asset's contracts: an instance re-reads its books when it changed
  version    bigint NOT NULL DEFAULT 0
);

CREATE TABLE dent_contract (
  order_id        text        PRIMARY KEY,
  bap_id          text        NOT NULL,
  transaction_id  text        NOT NULL,
  asset_id        text        NOT NULL REFERENCES dent_asset (asset_id),
  window_start    timestamptz NOT NULL,
  window_end      timestamptz NOT NULL,
  reserved_kwh    numeric     NOT NULL CHECK (reserved_kwh > 0),
  live            boolean     NOT NULL,
  created_at      timestamptz NOT NULL,
  state           text        NOT NULL,
  personal        bytea,
  personal_key_id text,
  -- the asset's version this row was written at: instances read only what changed since they last looked
  written_version bigint      NOT NULL,
  CONSTRAINT dent_contract_one_per_transaction UNIQUE (bap_id, transaction_id),
  CONSTRAINT dent_contract_window CHECK (window_start < window_end)
);
CREATE INDEX dent_contract_live_by_asset ON dent_contract (asset_id, window_start) WHERE live;
CREATE INDEX dent_contract_by_version ON dent_contract (asset_id, written_version);

CREATE TABLE dent_quote (
  bap_id          text        NOT NULL,
  transaction_id  text        NOT NULL,
  purge_at        timestamptz NOT NULL,
  state           text        NOT NULL,
  personal        bytea,
  personal_key_id text,
  PRIMARY KEY (bap_id, transaction_id)
);
CREATE INDEX dent_quote_purge ON dent_quote (purge_at);

CREATE TABLE dent_callback (
  key         text        PRIMARY KEY,
  body        bytea       NOT NULL,
  body_key_id text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  pending     boolean     NOT NULL,
  seq         bigserial   NOT NULL
);
CREATE INDEX dent_callback_pending ON dent_callback (seq) WHERE pending;
CREATE INDEX dent_callback_expiry ON dent_callback (expires_at);

CREATE TABLE dent_order_owner (
  order_id       text PRIMARY KEY,
  bap_id         text NOT NULL,
  bap_uri        text NOT NULL,
  transaction_id text NOT NULL,
  domain         text NOT NULL
);
