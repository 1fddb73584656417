-- PostgreSQL twin of sqlite/V9__deleted_ca_certificates.sql (docs/ARCHITECTURE.md, "Migrations for both databases").
-- DeleteCACertificate keeps the device certificates the CA signed, as AWS IoT does, and they keep
-- naming it. A deleted CA stays as a row marked with the time it was deleted: every read of CA
-- certificates leaves it out, and registering the same CA again brings the row back.
ALTER TABLE ca_certificates ADD COLUMN deleted_at BIGINT;
