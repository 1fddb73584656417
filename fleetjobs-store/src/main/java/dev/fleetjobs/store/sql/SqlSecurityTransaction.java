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
        changed(db.guarded("insertAccessKey", h -> bindKey(h.createUpdate(SecuritySql.INSERT_ACCESS_KEY), key).execute()));
    }

    @Override
    public boolean updateAccessKey(AccessKey key) {
        return changed(db.run("updateAccessKey", h -> bindKey(h.createUpdate(SecuritySql.UPDATE_ACCESS_KEY), key).execute())) > 0;
    }

    @Override
    public void insertCertificate(Certificate certificate) {
        changed(db.guarded("insertCertificate", h -> bindCertificate(h.createUpdate(SecuritySql.INSERT_CERTIFICATE), certificate).execute()));
    }

    @Override
    public void updateCertificate(Certificate certificate) {
        versioned("certificate " + certificate.certificateId(), certificate.customerVersion(), db.guarded("updateCertificate",
                h -> bindCertificate(h.createUpdate(SecuritySql.UPDATE_CERTIFICATE), certificate)
                        .bind("expectedVersion", certificate.customerVersion() - 1).execute()));
    }

    @Override
    public boolean deleteCertificate(String certificateId) {
        return changed(db.guarded("deleteCertificate", h -> h.createUpdate(SecuritySql.DELETE_CERTIFICATE)
                .bind("certificateId", certificateId).execute())) > 0;
    }

    @Override
    public void insertCaCertificate(CaCertificate ca) {
        int revived = db.run("reviveCaCertificate", h -> bindCa(h.createUpdate(SecuritySql.REVIVE_CA), ca).execute());
        if (revived > 0) {
            changed(revived);
            return;
        }
        changed(db.guarded("insertCaCertificate", h -> bindCa(h.createUpdate(SecuritySql.INSERT_CA), ca).execute()));
    }

    @Override
    public boolean deleteCaCertificate(String certificateId, long deletedAtMillis) {
        return changed(db.run("deleteCaCertificate", h -> h.createUpdate(SecuritySql.DELETE_CA)
                .bind("certificateId", certificateId).bind("deletedAt", deletedAtMillis).execute())) > 0;
    }

    @Override
    public void updateCaCertificate(CaCertificate ca) {
        versioned("CA certificate " + ca.certificateId(), ca.customerVersion(), db.guarded("updateCaCertificate",
                h -> bindCa(h.createUpdate(SecuritySql.UPDATE_CA), ca).bind("expectedVersion", ca.customerVersion() - 1).execute()));
    }

    @Override
    public boolean attach(String thingName, String certificateId) {
        if (isAttached(thingName, certificateId)) {
            return false;
        }
        changed(db.guarded("attach", h -> h.createUpdate(SecuritySql.ATTACH)
                .bind("thingName", thingName).bind("certificateId", certificateId).execute()));
        return true;
    }

    @Override
    public boolean detach(String thingName, String certificateId) {
        return changed(db.run("detach", h -> h.createUpdate(SecuritySql.DETACH)
                .bind("thingName", thingName).bind("certificateId", certificateId).execute())) > 0;
    }

    private void versioned(String what, int version, int rows) {
        if (rows == 0) {
            throw new StoreConflictException("update of " + what + ": it is not at version " + (version - 1));
        }
        changed(rows);
    }

    private int changed(int rows) {
        if (rows > 0) {
            db.run("bumpGeneration", h -> h.createUpdate(SecuritySql.BUMP_GENERATION).execute());
        }
        return rows;
    }

    private static Update bindCertificate(Update update, Certificate c) {
        return bindCertificateFields(update, c.certificateId(), c.certificatePem(), c.status().name(), c.mode().name(), c.createdAtMillis(),
                c.lastModifiedAtMillis(), c.customerVersion(), c.generationId(), c.notBeforeMillis(), c.notAfterMillis())
                .bind("caCertificateId", c.caCertificateId());
    }

    private static Update bindCa(Update update, CaCertificate c) {
        return bindCertificateFields(update, c.certificateId(), c.certificatePem(), c.status().name(), c.mode().name(), c.createdAtMillis(),
                c.lastModifiedAtMillis(), c.customerVersion(), c.generationId(), c.notBeforeMillis(), c.notAfterMillis())
                .bind("autoRegistration", Rows.flag(c.autoRegistration()));
    }

    /** The columns device and CA certificates share. */
    private static Update bindCertificateFields(Update update, String id, String pem, String status, String mode, long createdAt,
                                                long lastModifiedAt, int customerVersion, String generationId, long notBefore,
                                                long notAfter) {
        return update
                .bind("certificateId", id)
                .bind("certificatePem", pem)
                .bind("status", status)
                .bind("mode", mode)
                .bind("createdAt", createdAt)
                .bind("lastModifiedAt", lastModifiedAt)
                .bind("customerVersion", customerVersion)
                .bind("generationId", generationId)
                .bind("notBefore", notBefore)
                .bind("notAfter", notAfter);
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
