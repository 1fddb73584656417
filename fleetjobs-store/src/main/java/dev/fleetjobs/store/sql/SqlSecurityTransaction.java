package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.SecurityTransaction;
import org.jdbi.v3.core.statement.Update;

/** The security writes, inside the job store's current unit of work; each one moves the generation on. */
final class SqlSecurityTransaction extends SqlSecurityReader implements SecurityTransaction {

    SqlSecurityTransaction(SqlTransaction db) {
        super(db);
    }

    @Override
    public void insertAccessKey(AccessKey key) {
        changed(db.run("insertAccessKey", h -> bindKey(h.createUpdate(SecuritySql.INSERT_ACCESS_KEY), key).execute()));
    }

    @Override
    public boolean updateAccessKey(AccessKey key) {
        return changed(db.run("updateAccessKey", h -> bindKey(h.createUpdate(SecuritySql.UPDATE_ACCESS_KEY), key).execute())) > 0;
    }

    @Override
    public void insertCertificate(Certificate c) {
        changed(db.run("insertCertificate", h -> h.createUpdate(SecuritySql.INSERT_CERTIFICATE)
                .bind("certificateId", c.certificateId())
                .bind("certificatePem", c.certificatePem())
                .bind("status", c.status().name())
                .bind("caCertificateId", c.caCertificateId())
                .bind("mode", c.mode().name())
                .bind("createdAt", c.createdAtMillis())
                .bind("lastModifiedAt", c.lastModifiedAtMillis())
                .bind("customerVersion", c.customerVersion())
                .bind("generationId", c.generationId())
                .bind("notBefore", c.notBeforeMillis())
                .bind("notAfter", c.notAfterMillis())
                .execute()));
    }

    @Override
    public void updateCertificate(Certificate c) {
        int rows = db.run("updateCertificate", h -> h.createUpdate(SecuritySql.UPDATE_CERTIFICATE)
                .bind("certificateId", c.certificateId())
                .bind("status", c.status().name())
                .bind("lastModifiedAt", c.lastModifiedAtMillis())
                .bind("customerVersion", c.customerVersion())
                .bind("generationId", c.generationId())
                .bind("expectedVersion", c.customerVersion() - 1)
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateCertificate: certificate " + c.certificateId()
                    + " is not at version " + (c.customerVersion() - 1));
        }
        changed(rows);
    }

    @Override
    public boolean deleteCertificate(String certificateId) {
        return changed(db.run("deleteCertificate", h -> h.createUpdate(SecuritySql.DELETE_CERTIFICATE)
                .bind("certificateId", certificateId).execute())) > 0;
    }

    @Override
    public void insertCaCertificate(CaCertificate c) {
        changed(db.run("insertCaCertificate", h -> h.createUpdate(SecuritySql.INSERT_CA)
                .bind("certificateId", c.certificateId())
                .bind("certificatePem", c.certificatePem())
                .bind("status", c.status().name())
                .bind("autoRegistration", c.autoRegistration())
                .bind("mode", c.mode().name())
                .bind("createdAt", c.createdAtMillis())
                .bind("lastModifiedAt", c.lastModifiedAtMillis())
                .bind("customerVersion", c.customerVersion())
                .bind("generationId", c.generationId())
                .bind("notBefore", c.notBeforeMillis())
                .bind("notAfter", c.notAfterMillis())
                .execute()));
    }

    @Override
    public void updateCaCertificate(CaCertificate c) {
        int rows = db.run("updateCaCertificate", h -> h.createUpdate(SecuritySql.UPDATE_CA)
                .bind("certificateId", c.certificateId())
                .bind("status", c.status().name())
                .bind("autoRegistration", c.autoRegistration())
                .bind("lastModifiedAt", c.lastModifiedAtMillis())
                .bind("customerVersion", c.customerVersion())
                .bind("generationId", c.generationId())
                .bind("expectedVersion", c.customerVersion() - 1)
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateCaCertificate: CA certificate " + c.certificateId()
                    + " is not at version " + (c.customerVersion() - 1));
        }
        changed(rows);
    }

    @Override
    public boolean attach(String thingName, String certificateId) {
        if (isAttached(thingName, certificateId)) {
            return false;
        }
        changed(db.run("attach", h -> h.createUpdate(SecuritySql.ATTACH)
                .bind("thingName", thingName).bind("certificateId", certificateId).execute()));
        return true;
    }

    @Override
    public boolean detach(String thingName, String certificateId) {
        return changed(db.run("detach", h -> h.createUpdate(SecuritySql.DETACH)
                .bind("thingName", thingName).bind("certificateId", certificateId).execute())) > 0;
    }

    private int changed(int rows) {
        if (rows > 0) {
            db.run("bumpGeneration", h -> h.createUpdate(SecuritySql.BUMP_GENERATION).execute());
        }
        return rows;
    }

    private static Update bindKey(Update update, AccessKey key) {
        return update
                .bind("accessKeyId", key.accessKeyId())
                .bind("sealedSecret", key.sealedSecret())
                .bind("role", key.role().name())
                .bind("thingPattern", key.thingPattern() == null ? null : key.thingPattern().text())
                .bind("description", key.description())
                .bind("createdAt", key.createdAtMillis())
                .bind("revokedAt", key.revokedAtMillis());
    }
}
