package dev.fleetjobs.store;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Queries of the security data. Paged queries take an opaque cursor made by the store (null for
 * the first page); cursors are standard base64, which the model's Marker pattern requires.
 */
public interface SecurityReader {

    Optional<AccessKey> findAccessKey(String accessKeyId);

    /** Every access key, revoked ones too, ordered by id. */
    List<AccessKey> accessKeys();

    Optional<Certificate> findCertificate(String certificateId);

    /** Certificates in creation order, oldest first when {@code ascending}. */
    Page<Certificate> certificates(boolean ascending, String cursor, int limit);

    /** The certificates registered under the CA certificate (also one deleted since), in creation order, oldest first when {@code ascending}. */
    Page<Certificate> certificatesByCa(String caCertificateId, boolean ascending, String cursor, int limit);

    /** The ids of the certificates registered without a CA or issued by this server, which are trusted by themselves. */
    List<String> certificateIdsWithoutCa();

    Optional<CaCertificate> findCaCertificate(String certificateId);

    /** Every registered CA certificate, in creation order; deleted ones are not. */
    List<CaCertificate> caCertificates();

    boolean thingExists(String thingName);

    boolean isAttached(String thingName, String certificateId);

    /** The ids of the certificates attached to the thing, in the order they were attached. */
    Page<String> certificatesOfThing(String thingName, String cursor, int limit);

    /** The names of the things the certificate is attached to, in the order they were attached. */
    Page<String> thingsOfCertificate(String certificateId, String cursor, int limit);

    /** Grows with every committed change of the security data, by this process or another one. */
    long generation();
}
