package dev.fleetjobs.store.sql;

/** Every statement on the security tables, in one place. Parameters are always bound, never spliced. */
final class SecuritySql {

    private SecuritySql() {
    }

    static final String BUMP_GENERATION = "UPDATE security_generation SET generation = generation + 1 WHERE id = 1";

    static final String GENERATION = "SELECT generation FROM security_generation WHERE id = 1";

    // access keys

    static final String ACCESS_KEY_COLUMNS = "access_key_id, sealed_secret, role, thing_pattern, description, created_at, revoked_at";

    static final String INSERT_ACCESS_KEY = "INSERT INTO access_keys (" + ACCESS_KEY_COLUMNS + ")"
            + " VALUES (:accessKeyId, :sealedSecret, :role, :thingPattern, :description, :createdAt, :revokedAt)";

    static final String UPDATE_ACCESS_KEY = "UPDATE access_keys SET sealed_secret = :sealedSecret, role = :role,"
            + " thing_pattern = :thingPattern, description = :description, created_at = :createdAt, revoked_at = :revokedAt"
            + " WHERE access_key_id = :accessKeyId";

    static final String FIND_ACCESS_KEY = "SELECT " + ACCESS_KEY_COLUMNS + " FROM access_keys WHERE access_key_id = :accessKeyId";

    static final String ACCESS_KEYS = "SELECT " + ACCESS_KEY_COLUMNS + " FROM access_keys ORDER BY access_key_id";

    // certificates

    static final String CERTIFICATE_COLUMNS = "seq, certificate_id, certificate_pem, status, ca_certificate_id, certificate_mode,"
            + " created_at, last_modified_at, customer_version, generation_id, not_before, not_after";

    static final String INSERT_CERTIFICATE = "INSERT INTO certificates (certificate_id, certificate_pem, status, ca_certificate_id,"
            + " certificate_mode, created_at, last_modified_at, customer_version, generation_id, not_before, not_after)"
            + " VALUES (:certificateId, :certificatePem, :status, :caCertificateId, :mode, :createdAt, :lastModifiedAt,"
            + " :customerVersion, :generationId, :notBefore, :notAfter)";

    static final String UPDATE_CERTIFICATE = "UPDATE certificates SET certificate_pem = :certificatePem, status = :status,"
            + " ca_certificate_id = :caCertificateId, certificate_mode = :mode, created_at = :createdAt,"
            + " last_modified_at = :lastModifiedAt, customer_version = :customerVersion, generation_id = :generationId,"
            + " not_before = :notBefore, not_after = :notAfter"
            + " WHERE certificate_id = :certificateId AND customer_version = :expectedVersion";

    static final String DELETE_CERTIFICATE = "DELETE FROM certificates WHERE certificate_id = :certificateId";

    static final String FIND_CERTIFICATE = "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates WHERE certificate_id = :certificateId";

    static final String CERTIFICATES_ASCENDING = "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates"
            + " WHERE seq > :after ORDER BY seq LIMIT :limit";

    static final String CERTIFICATES_DESCENDING = "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates"
            + " WHERE seq < :before ORDER BY seq DESC LIMIT :limit";

    static final String CERTIFICATES_BY_CA_ASCENDING = "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates"
            + " WHERE ca_certificate_id = :caCertificateId AND seq > :after ORDER BY seq LIMIT :limit";

    static final String CERTIFICATES_BY_CA_DESCENDING = "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates"
            + " WHERE ca_certificate_id = :caCertificateId AND seq < :before ORDER BY seq DESC LIMIT :limit";

    static final String CERTIFICATE_IDS_WITHOUT_CA = "SELECT certificate_id FROM certificates WHERE ca_certificate_id IS NULL";

    // CA certificates

    static final String CA_COLUMNS = "seq, certificate_id, certificate_pem, status, auto_registration, certificate_mode,"
            + " created_at, last_modified_at, customer_version, generation_id, not_before, not_after";

    static final String INSERT_CA = "INSERT INTO ca_certificates (certificate_id, certificate_pem, status, auto_registration,"
            + " certificate_mode, created_at, last_modified_at, customer_version, generation_id, not_before, not_after)"
            + " VALUES (:certificateId, :certificatePem, :status, :autoRegistration, :mode, :createdAt, :lastModifiedAt,"
            + " :customerVersion, :generationId, :notBefore, :notAfter)";

    static final String UPDATE_CA = "UPDATE ca_certificates SET certificate_pem = :certificatePem, status = :status,"
            + " auto_registration = :autoRegistration, certificate_mode = :mode, created_at = :createdAt,"
            + " last_modified_at = :lastModifiedAt, customer_version = :customerVersion, generation_id = :generationId,"
            + " not_before = :notBefore, not_after = :notAfter"
            + " WHERE certificate_id = :certificateId AND customer_version = :expectedVersion AND deleted_at IS NULL";

    /** A CA registered again after it was deleted takes its old row back (its device certificates still name it). */
    static final String REVIVE_CA = "UPDATE ca_certificates SET certificate_pem = :certificatePem, status = :status,"
            + " auto_registration = :autoRegistration, certificate_mode = :mode, created_at = :createdAt,"
            + " last_modified_at = :lastModifiedAt, customer_version = :customerVersion, generation_id = :generationId,"
            + " not_before = :notBefore, not_after = :notAfter, deleted_at = NULL"
            + " WHERE certificate_id = :certificateId AND deleted_at IS NOT NULL";

    static final String DELETE_CA = "UPDATE ca_certificates SET deleted_at = :deletedAt"
            + " WHERE certificate_id = :certificateId AND deleted_at IS NULL";

    static final String FIND_CA = "SELECT " + CA_COLUMNS + " FROM ca_certificates WHERE certificate_id = :certificateId"
            + " AND deleted_at IS NULL";

    static final String CAS = "SELECT " + CA_COLUMNS + " FROM ca_certificates WHERE deleted_at IS NULL ORDER BY seq";

    // thing principals

    static final String THING_EXISTS = "SELECT COUNT(*) FROM things WHERE thing_name = :thingName";

    static final String IS_ATTACHED = "SELECT COUNT(*) FROM thing_principals"
            + " WHERE thing_name = :thingName AND certificate_id = :certificateId";

    static final String ATTACH = "INSERT INTO thing_principals (thing_name, certificate_id) VALUES (:thingName, :certificateId)";

    static final String DETACH = "DELETE FROM thing_principals WHERE thing_name = :thingName AND certificate_id = :certificateId";

    static final String CERTIFICATES_OF_THING = "SELECT seq, certificate_id AS item FROM thing_principals"
            + " WHERE thing_name = :key AND seq > :after ORDER BY seq LIMIT :limit";

    static final String THINGS_OF_CERTIFICATE = "SELECT seq, thing_name AS item FROM thing_principals"
            + " WHERE certificate_id = :key AND seq > :after ORDER BY seq LIMIT :limit";
}
