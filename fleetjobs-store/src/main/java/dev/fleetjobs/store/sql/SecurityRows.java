package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.core.security.CertificateStatus;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.security.ThingPattern;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers of the security tables; rows keep their creation-order key, which pages are cut by. */
final class SecurityRows {

    private SecurityRows() {
    }

    record Seq<T>(long seq, T item) {
    }

    static final RowMapper<AccessKey> ACCESS_KEY = (rs, ctx) -> {
        String pattern = rs.getString("thing_pattern");
        long revokedAt = rs.getLong("revoked_at");
        Long revoked = rs.wasNull() ? null : revokedAt;
        return new AccessKey(rs.getString("access_key_id"), rs.getString("sealed_secret"), Role.valueOf(rs.getString("role")),
                pattern == null ? null : new ThingPattern(pattern), rs.getString("description"), rs.getLong("created_at"), revoked);
    };

    static final RowMapper<Seq<Certificate>> CERTIFICATE = (rs, ctx) -> new Seq<>(rs.getLong("seq"), new Certificate(
            rs.getString("certificate_id"),
            rs.getString("certificate_pem"),
            CertificateStatus.valueOf(rs.getString("status")),
            rs.getString("ca_certificate_id"),
            CertificateMode.valueOf(rs.getString("certificate_mode")),
            rs.getLong("created_at"),
            rs.getLong("last_modified_at"),
            rs.getInt("customer_version"),
            rs.getString("generation_id"),
            rs.getLong("not_before"),
            rs.getLong("not_after")));

    static final RowMapper<CaCertificate> CA_CERTIFICATE = (rs, ctx) -> new CaCertificate(
            rs.getString("certificate_id"),
            rs.getString("certificate_pem"),
            CaCertificateStatus.valueOf(rs.getString("status")),
            rs.getBoolean("auto_registration"),
            CertificateMode.valueOf(rs.getString("certificate_mode")),
            rs.getLong("created_at"),
            rs.getLong("last_modified_at"),
            rs.getInt("customer_version"),
            rs.getString("generation_id"),
            rs.getLong("not_before"),
            rs.getLong("not_after"));

    static final RowMapper<Seq<String>> ITEM = (rs, ctx) -> new Seq<>(rs.getLong("seq"), rs.getString("item"));
}
