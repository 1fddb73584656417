package dev.fleetjobs.store;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.Certificate;

/** Reads and writes of the security data inside one transaction; every write also moves {@link #generation()} on. */
public interface SecurityTransaction extends SecurityReader {

    /** Fails with {@link StoreConflictException} when the id is taken. */
    void insertAccessKey(AccessKey key);

    /** Replaces the stored key of the same id (revocation); returns whether it existed. */
    boolean updateAccessKey(AccessKey key);

    /** Fails with {@link StoreConflictException} when the id is taken or its CA is not registered. */
    void insertCertificate(Certificate certificate);

    /** Replaces the stored certificate of the same id, whose customer version must be one less. */
    void updateCertificate(Certificate certificate);

    /** Deletes a certificate that is attached to no thing; returns whether it existed. */
    boolean deleteCertificate(String certificateId);

    /** Fails with {@link StoreConflictException} when the id is taken. */
    void insertCaCertificate(CaCertificate certificate);

    /**
     * Deletes a CA certificate; the device certificates it signed stay and keep naming it. Returns
     * whether it was registered. Registering it again later ({@link #insertCaCertificate}) is allowed.
     */
    boolean deleteCaCertificate(String certificateId, long deletedAtMillis);

    /** Replaces the stored CA certificate of the same id, whose customer version must be one less. */
    void updateCaCertificate(CaCertificate certificate);

    /** Attaches a registered certificate to an existing thing; returns false when it already was. */
    boolean attach(String thingName, String certificateId);

    /** Returns whether the certificate was attached to the thing. */
    boolean detach(String thingName, String certificateId);
}
