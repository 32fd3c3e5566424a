-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0002: the public-spending records imported from the Portal da Transparência (backend/data).
-- Conventions: dates are INTEGER days since 1970-01-01 (NULL when the file had none), money is REAL,
-- codes and names are TEXT (NULL when empty). `raw` is the source row as a JSON object header→value
-- (empty fields left out), so that columns we do not model are never lost. `key` is the record's
-- natural key (e.g. "<Código UG>/<Número do Contrato>"), the name labels and reports use.
-- `search_text` is the folded (lower case, no accents) text searched with LIKE.

-- One row per imported file (or ZIP member). Failed and cancelled imports roll back with their records,
-- so only the importer's own running/finished rows appear here.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL,          -- contracts|biddings|participants|agreements|expenses|servants|sanctions
    file_name     TEXT    NOT NULL,
    member        TEXT,                      -- the ZIP member, when the file was a ZIP
    encoding      TEXT,                      -- utf-8|iso-8859-1
    started_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at   TEXT,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    status        TEXT    NOT NULL CHECK (status IN ('running', 'imported', 'rejected', 'cancelled')),
    report        TEXT                       -- the JSON report of the import
) STRICT;

-- Portal "Compras" contracts (24 columns).
CREATE TABLE contracts (
    id                    INTEGER PRIMARY KEY,
    import_id             INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line           INTEGER,
    key                   TEXT,
    number                TEXT,
    object                TEXT,
    legal_basis           TEXT,
    modality              TEXT,
    status                TEXT,
    superior_organ        TEXT,
    superior_organ_name   TEXT,
    organ                 TEXT,
    organ_name            TEXT,
    unit                  TEXT,
    unit_name             TEXT,
    signed_date           INTEGER,
    published_date        INTEGER,
    start_date            INTEGER,
    end_date              INTEGER,
    supplier_doc          TEXT,
    supplier_name         TEXT,
    initial_value         REAL,
    final_value           REAL,
    bidding_number        TEXT,
    bidding_unit          TEXT,
    bidding_unit_name     TEXT,
    bidding_modality_code TEXT,
    bidding_modality      TEXT,
    search_text           TEXT,
    raw                   TEXT    NOT NULL
) STRICT;
CREATE INDEX contracts_organ_signed ON contracts (organ, signed_date);
CREATE INDEX contracts_unit_signed ON contracts (unit, signed_date);
CREATE INDEX contracts_supplier ON contracts (supplier_doc);
CREATE INDEX contracts_number ON contracts (number);
CREATE INDEX contracts_signed ON contracts (signed_date);
CREATE INDEX contracts_import ON contracts (import_id);

-- Portal "Licitação" biddings (17 columns).
CREATE TABLE biddings (
    id                  INTEGER PRIMARY KEY,
    import_id           INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line         INTEGER,
    key                 TEXT,
    number              TEXT,
    unit                TEXT,
    unit_name           TEXT,
    modality_code       TEXT,
    modality            TEXT,
    process             TEXT,
    object              TEXT,
    status              TEXT,
    superior_organ      TEXT,
    superior_organ_name TEXT,
    organ               TEXT,
    organ_name          TEXT,
    uf                  TEXT,
    municipality        TEXT,
    result_date         INTEGER,
    open_date           INTEGER,
    value               REAL,
    search_text         TEXT,
    raw                 TEXT    NOT NULL
) STRICT;
CREATE INDEX biddings_unit_number ON biddings (unit, number);
CREATE INDEX biddings_organ_open ON biddings (organ, open_date);
CREATE INDEX biddings_open ON biddings (open_date);
CREATE INDEX biddings_import ON biddings (import_id);

-- Portal "ParticipantesLicitação": who bid, and who won.
CREATE TABLE bidding_participants (
    id               INTEGER PRIMARY KEY,
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line      INTEGER,
    key              TEXT,
    bidding_number   TEXT,
    unit             TEXT,
    unit_name        TEXT,
    modality_code    TEXT,
    modality         TEXT,
    process          TEXT,
    organ            TEXT,
    organ_name       TEXT,
    item_code        TEXT,
    item_description TEXT,
    participant_doc  TEXT,
    participant_name TEXT,
    winner           INTEGER CHECK (winner IN (0, 1)),
    search_text      TEXT,
    raw              TEXT    NOT NULL
) STRICT;
CREATE INDEX bidding_participants_bidding ON bidding_participants (unit, bidding_number);
CREATE INDEX bidding_participants_doc ON bidding_participants (participant_doc);
CREATE INDEX bidding_participants_import ON bidding_participants (import_id);

-- Convênios (27 columns).
CREATE TABLE agreements (
    id                  INTEGER PRIMARY KEY,
    import_id           INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line         INTEGER,
    key                 TEXT,
    number              TEXT,
    uf                  TEXT,
    municipality_code   TEXT,
    municipality        TEXT,
    status              TEXT,
    original_number     TEXT,
    process             TEXT,
    object              TEXT,
    superior_organ      TEXT,
    superior_organ_name TEXT,
    grantor_organ       TEXT,
    grantor_organ_name  TEXT,
    grantor_unit        TEXT,
    grantor_unit_name   TEXT,
    grantee_doc         TEXT,
    grantee_type        TEXT,
    grantee_name        TEXT,
    grantee_entity_type TEXT,
    instrument_type     TEXT,
    value               REAL,
    released            REAL,
    published_date      INTEGER,
    start_date          INTEGER,
    end_date            INTEGER,
    counterpart         REAL,
    last_release_date   INTEGER,
    last_release_value  REAL,
    search_text         TEXT,
    raw                 TEXT    NOT NULL
) STRICT;
CREATE INDEX agreements_organ_published ON agreements (grantor_organ, published_date);
CREATE INDEX agreements_unit_published ON agreements (grantor_unit, published_date);
CREATE INDEX agreements_grantee ON agreements (grantee_doc);
CREATE INDEX agreements_number ON agreements (number);
CREATE INDEX agreements_import ON agreements (import_id);

-- Despesas: payments.
CREATE TABLE expenses (
    id               INTEGER PRIMARY KEY,
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line      INTEGER,
    key              TEXT,
    payment_code     TEXT,
    date             INTEGER,
    payee_doc        TEXT,
    payee_name       TEXT,
    organ            TEXT,
    organ_name       TEXT,
    unit             TEXT,
    unit_name        TEXT,
    expense_element  TEXT,
    process          TEXT,
    note             TEXT,
    original_value   REAL,
    value            REAL,
    search_text      TEXT,
    raw              TEXT    NOT NULL
) STRICT;
CREATE INDEX expenses_organ_date ON expenses (organ, date);
CREATE INDEX expenses_unit_date ON expenses (unit, date);
CREATE INDEX expenses_payee ON expenses (payee_doc);
CREATE INDEX expenses_date ON expenses (date);
CREATE INDEX expenses_import ON expenses (import_id);

-- Servidores: remuneração per servant and month, joined to the cadastro (role, organ) when imported with it.
CREATE TABLE servant_pay (
    id               INTEGER PRIMARY KEY,
    import_id        INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line      INTEGER,
    key              TEXT,
    year             INTEGER,
    month            INTEGER CHECK (month BETWEEN 1 AND 12),
    servant_id       TEXT,
    cpf              TEXT,
    name             TEXT,
    gross_basic      REAL,
    ceiling_cut      REAL,
    christmas_bonus  REAL,
    vacation         REAL,
    other_eventual   REAL,
    irrf             REAL,
    pss              REAL,
    other_deductions REAL,
    net_pay          REAL,
    indemnities      REAL,
    registration     TEXT,
    role             TEXT,
    organ            TEXT,
    situation        TEXT,
    hire_date        INTEGER,
    search_text      TEXT,
    raw              TEXT    NOT NULL
) STRICT;
CREATE INDEX servant_pay_period ON servant_pay (year, month);
CREATE INDEX servant_pay_servant ON servant_pay (servant_id);
CREATE INDEX servant_pay_organ ON servant_pay (organ, year, month);
CREATE INDEX servant_pay_import ON servant_pay (import_id);

-- CEIS and CNEP sanctions in one table; `registry` says which.
CREATE TABLE sanctions (
    id                INTEGER PRIMARY KEY,
    import_id         INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    source_line       INTEGER,
    key               TEXT,
    registry          TEXT    NOT NULL CHECK (registry IN ('CEIS', 'CNEP')),
    sanction_code     TEXT,
    person_type       TEXT,
    sanctioned_doc    TEXT,
    sanctioned_name   TEXT,
    informed_name     TEXT,
    process           TEXT,
    category          TEXT,
    start_date        INTEGER,
    end_date          INTEGER,
    publication_date  INTEGER,
    scope             TEXT,
    sanctioning_organ TEXT,
    sanctioning_uf    TEXT,
    legal_basis       TEXT,
    fine              REAL,
    search_text       TEXT,
    raw               TEXT    NOT NULL
) STRICT;
CREATE INDEX sanctions_doc ON sanctions (sanctioned_doc, start_date);
CREATE INDEX sanctions_registry ON sanctions (registry);
CREATE INDEX sanctions_import ON sanctions (import_id);
