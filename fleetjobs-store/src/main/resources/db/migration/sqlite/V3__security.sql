-- Access keys besides the root key, device certificates, CA certificates and which things a
-- certificate is attached to. Times are INTEGER epoch milliseconds.

-- The secret is sealed (AES-GCM under a key kept in the data directory), never stored in the clear:
-- SigV4 needs the secret itself, so it cannot be hashed.
CREATE TABLE access_keys (
    access_key_id  TEXT    NOT NULL PRIMARY KEY,
    sealed_secret  TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    thing_pattern  TEXT,
    description    TEXT,
    created_at     INTEGER NOT NULL,
    revoked_at     INTEGER
);

CREATE TABLE ca_certificates (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    certificate_id     TEXT    NOT NULL UNIQUE,
    certificate_pem    TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    auto_registration  INTEGER NOT NULL,
    certificate_mode   TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    last_modified_at   INTEGER NOT NULL,
    customer_version   INTEGER NOT NULL,
    generation_id      TEXT    NOT NULL,
    not_before         INTEGER NOT NULL,
    not_after          INTEGER NOT NULL
);

-- seq is the creation order that listings are sorted and paged by.
CREATE TABLE certificates (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    certificate_id     TEXT    NOT NULL UNIQUE,
    certificate_pem    TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    ca_certificate_id  TEXT    REFERENCES ca_certificates (certificate_id),
    certificate_mode   TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    last_modified_at   INTEGER NOT NULL,
    customer_version   INTEGER NOT NULL,
    generation_id      TEXT    NOT NULL,
    not_before         INTEGER NOT NULL,
    not_after          INTEGER NOT NULL
);

CREATE INDEX certificates_without_ca ON certificates (certificate_id) WHERE ca_certificate_id IS NULL;
CREATE INDEX certificates_by_ca ON certificates (ca_certificate_id);

-- A thing's attachments go with it; a certificate is only deleted once detached (checked by the service).
CREATE TABLE thing_principals (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    thing_name      TEXT    NOT NULL REFERENCES things (thing_name) ON DELETE CASCADE,
    certificate_id  TEXT    NOT NULL REFERENCES certificates (certificate_id),
    UNIQUE (thing_name, certificate_id)
);

CREATE INDEX thing_principals_by_certificate ON thing_principals (certificate_id, seq);

-- One row, bumped by every change above, so that a server notices changes made by another process
-- (the fleetjobs credentials command) by reading one number.
CREATE TABLE security_generation (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation  INTEGER NOT NULL
);

INSERT INTO security_generation (id, generation) VALUES (1, 0);
