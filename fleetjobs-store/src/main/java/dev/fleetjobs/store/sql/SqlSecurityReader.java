package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.SecurityReader;
import java.util.List;
import java.util.Optional;

/** The security queries, run through a job-store view so that they share its connection, transaction and lifetime. */
class SqlSecurityReader implements SecurityReader {

    final SqlReader db;

    SqlSecurityReader(SqlReader db) {
        this.db = db;
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        return db.run("findAccessKey", h -> h.createQuery(SecuritySql.FIND_ACCESS_KEY).bind("accessKeyId", accessKeyId)
                .map(SecurityRows.ACCESS_KEY).findOne());
    }

    @Override
    public List<AccessKey> accessKeys() {
        return db.run("accessKeys", h -> h.createQuery(SecuritySql.ACCESS_KEYS).map(SecurityRows.ACCESS_KEY).list());
    }

    @Override
    public Optional<Certificate> findCertificate(String certificateId) {
        return db.run("findCertificate", h -> h.createQuery(SecuritySql.FIND_CERTIFICATE).bind("certificateId", certificateId)
                .map(SecurityRows.CERTIFICATE).findOne().map(SecurityRows.Seq::item));
    }

    @Override
    public Page<Certificate> certificates(boolean ascending, String cursor, int limit) {
        Paging.checkLimit(limit);
        long key = Markers.seq(cursor, ascending ? 0 : Long.MAX_VALUE);
        List<SecurityRows.Seq<Certificate>> rows = db.run("certificates", h -> h
                .createQuery(ascending ? SecuritySql.CERTIFICATES_ASCENDING : SecuritySql.CERTIFICATES_DESCENDING)
                .bind(ascending ? "after" : "before", key).bind("limit", limit + 1)
                .map(SecurityRows.CERTIFICATE).list());
        return page(rows, limit);
    }

    @Override
    public Page<Certificate> certificatesByCa(String caCertificateId, boolean ascending, String cursor, int limit) {
        Paging.checkLimit(limit);
        long key = Markers.seq(cursor, ascending ? 0 : Long.MAX_VALUE);
        List<SecurityRows.Seq<Certificate>> rows = db.run("certificatesByCa", h -> h
                .createQuery(ascending ? SecuritySql.CERTIFICATES_BY_CA_ASCENDING : SecuritySql.CERTIFICATES_BY_CA_DESCENDING)
                .bind("caCertificateId", caCertificateId).bind(ascending ? "after" : "before", key).bind("limit", limit + 1)
                .map(SecurityRows.CERTIFICATE).list());
        return page(rows, limit);
    }

    @Override
    public List<String> certificateIdsWithoutCa() {
        return db.run("certificateIdsWithoutCa", h -> h.createQuery(SecuritySql.CERTIFICATE_IDS_WITHOUT_CA).mapTo(String.class).list());
    }

    @Override
    public Optional<CaCertificate> findCaCertificate(String certificateId) {
        return db.run("findCaCertificate", h -> h.createQuery(SecuritySql.FIND_CA).bind("certificateId", certificateId)
                .map(SecurityRows.CA_CERTIFICATE).findOne());
    }

    @Override
    public List<CaCertificate> caCertificates() {
        return db.run("caCertificates", h -> h.createQuery(SecuritySql.CAS).map(SecurityRows.CA_CERTIFICATE).list());
    }

    @Override
    public boolean thingExists(String thingName) {
        return db.run("thingExists", h -> h.createQuery(SecuritySql.THING_EXISTS).bind("thingName", thingName)
                .mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean isAttached(String thingName, String certificateId) {
        return db.run("isAttached", h -> h.createQuery(SecuritySql.IS_ATTACHED).bind("thingName", thingName)
                .bind("certificateId", certificateId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public Page<String> certificatesOfThing(String thingName, String cursor, int limit) {
        return attachments(SecuritySql.CERTIFICATES_OF_THING, thingName, cursor, limit);
    }

    @Override
    public Page<String> thingsOfCertificate(String certificateId, String cursor, int limit) {
        return attachments(SecuritySql.THINGS_OF_CERTIFICATE, certificateId, cursor, limit);
    }

    @Override
    public long generation() {
        return db.run("generation", h -> h.createQuery(SecuritySql.GENERATION).mapTo(Long.class).one());
    }

    private Page<String> attachments(String sql, String key, String cursor, int limit) {
        Paging.checkLimit(limit);
        long after = Markers.seq(cursor, 0);
        List<SecurityRows.Seq<String>> rows = db.run("attachments", h -> h.createQuery(sql)
                .bind("key", key).bind("after", after).bind("limit", limit + 1).map(SecurityRows.ITEM).list());
        return page(rows, limit);
    }

    private static <T> Page<T> page(List<SecurityRows.Seq<T>> rows, int limit) {
        Page<SecurityRows.Seq<T>> page = Paging.cut(rows, limit, last -> Markers.of(last.seq()));
        return new Page<>(page.items().stream().map(SecurityRows.Seq::item).toList(), page.nextCursor());
    }
}
