package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.core.security.CertificateStatus;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.security.ThingPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SecurityStore} must have. A subclass supplies a job store and the
 * security store on the same database; {@link #open()} must reopen the same data every time.
 */
public abstract class SecurityStoreContractTest {

    /** A job store and the security store beside it. */
    public record Stores(JobStore jobs, SecurityStore security) {
    }

    private Stores stores;

    protected abstract Stores open();

    @BeforeEach
    void openStores() {
        stores = open();
    }

    @AfterEach
    void closeStores() {
        stores.jobs().close();
    }

    @Test
    void accessKeysRoundTripAndRevocationIsKept() {
        AccessKey device = new AccessKey("FJIADEVICE", "sealed-1", Role.DEVICE, new ThingPattern("pump-*"), "pumps", 10, null);
        AccessKey operator = new AccessKey("FJIAOPERATOR", "sealed-2", Role.OPERATOR, null, null, 11, null);
        write(tx -> {
            tx.insertAccessKey(device);
            tx.insertAccessKey(operator);
            return null;
        });
        assertThat(findAccessKey("FJIADEVICE")).contains(device);
        assertThat((boolean) write(tx -> tx.updateAccessKey(device.revokedAt(99)))).isTrue();
        assertThat((boolean) write(tx -> tx.updateAccessKey(new AccessKey("FJIANONE", "s", Role.ADMIN, null, null, 1, 2L)))).isFalse();

        reopen();
        assertThat(read(SecurityReader::accessKeys)).containsExactly(device.revokedAt(99), operator);
        assertThatThrownBy(() -> write(tx -> {
            tx.insertAccessKey(operator);
            return null;
        })).hasCauseInstanceOf(StoreConflictException.class);
    }

    @Test
    void everyCommittedChangeMovesTheGenerationOnAndRefusedOnesDoNot() {
        long start = read(SecurityReader::generation);
        write(tx -> {
            tx.insertAccessKey(new AccessKey("FJIAONE", "s", Role.ADMIN, null, null, 1, null));
            return null;
        });
        long afterInsert = read(SecurityReader::generation);
        assertThat(afterInsert).isGreaterThan(start);
        assertThatThrownBy(() -> write(tx -> {
            tx.insertCertificate(certificate("c1", null));
            throw new IllegalStateException("refused");
        })).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(read(SecurityReader::generation)).isEqualTo(afterInsert);
        assertThat(findCertificate(id("c1"))).isEmpty();
    }

    @Test
    void certificatesRoundTripUpdateWithVersionCheckAndDelete() {
        CaCertificate ca = ca("ca1");
        Certificate withCa = certificate("c1", ca.certificateId());
        Certificate withoutCa = certificate("c2", null);
        write(tx -> {
            tx.insertCaCertificate(ca);
            tx.insertCertificate(withCa);
            tx.insertCertificate(withoutCa);
            return null;
        });
        assertThat(findCertificate(withCa.certificateId())).contains(withCa);
        assertThat(read(SecurityReader::certificateIdsWithoutCa)).containsExactly(withoutCa.certificateId());
        assertThat(findCaCertificate(ca.certificateId())).contains(ca);

        Certificate inactive = withCa.withStatus(CertificateStatus.INACTIVE, 50, "g2");
        write(tx -> {
            tx.updateCertificate(inactive);
            return null;
        });
        assertThat(findCertificate(withCa.certificateId())).contains(inactive);
        assertThatThrownBy(() -> write(tx -> {
            tx.updateCertificate(withCa.withStatus(CertificateStatus.REVOKED, 60, "g3"));
            return null;
        })).as("a stale version is a lost update").hasCauseInstanceOf(StoreConflictException.class);

        CaCertificate inactiveCa = ca.withSettings(CaCertificateStatus.INACTIVE, true, 70, "g4");
        write(tx -> {
            tx.updateCaCertificate(inactiveCa);
            return null;
        });
        assertThat(read(SecurityReader::caCertificates)).containsExactly(inactiveCa);

        assertThat((boolean) write(tx -> tx.deleteCertificate(withCa.certificateId()))).isTrue();
        assertThat((boolean) write(tx -> tx.deleteCertificate(withCa.certificateId()))).isFalse();
        assertThat(findCertificate(withCa.certificateId())).isEmpty();
    }

    @Test
    void aCasCertificatesArePagedByCaAndOutliveTheCa() {
        CaCertificate ca = ca("paging-ca");
        CaCertificate other = ca("other-ca");
        List<String> signed = IntStream.range(0, 5).mapToObj(i -> id("by-ca-" + i)).toList();
        write(tx -> {
            tx.insertCaCertificate(ca);
            tx.insertCaCertificate(other);
            for (int i = 0; i < signed.size(); i++) {
                tx.insertCertificate(certificateWithId(signed.get(i), ca.certificateId()));
                tx.insertCertificate(certificate("elsewhere-" + i, i % 2 == 0 ? other.certificateId() : null));
            }
            return null;
        });
        assertThat(collect(cursor -> read(r -> r.certificatesByCa(ca.certificateId(), true, cursor, 2)))).containsExactlyElementsOf(signed);
        List<String> descending = new ArrayList<>(signed);
        java.util.Collections.reverse(descending);
        assertThat(collect(cursor -> read(r -> r.certificatesByCa(ca.certificateId(), false, cursor, 3)))).containsExactlyElementsOf(descending);
        assertThat(read(r -> r.certificatesByCa(id("nobody"), true, null, 10)).items()).isEmpty();

        long generation = read(SecurityReader::generation);
        assertThat((boolean) write(tx -> tx.deleteCaCertificate(ca.certificateId(), 99))).isTrue();
        assertThat(read(SecurityReader::generation)).isGreaterThan(generation);
        assertThat((boolean) write(tx -> tx.deleteCaCertificate(ca.certificateId(), 100))).as("already deleted").isFalse();
        assertThat(findCaCertificate(ca.certificateId())).isEmpty();
        assertThat(read(SecurityReader::caCertificates)).containsExactly(other);
        assertThatThrownBy(() -> write(tx -> {
            tx.updateCaCertificate(ca.withSettings(CaCertificateStatus.INACTIVE, false, 101, "g9"));
            return null;
        })).as("a deleted CA cannot be updated").hasCauseInstanceOf(StoreConflictException.class);
        // Its certificates stay, still naming it.
        assertThat(findCertificate(signed.get(0))).map(Certificate::caCertificateId).contains(ca.certificateId());
        assertThat(collect(cursor -> read(r -> r.certificatesByCa(ca.certificateId(), true, cursor, 10)))).containsExactlyElementsOf(signed);

        CaCertificate again = new CaCertificate(ca.certificateId(), ca.certificatePem(), CaCertificateStatus.INACTIVE, true,
                CertificateMode.SNI_ONLY, 200, 200, 1, "g10", ca.notBeforeMillis(), ca.notAfterMillis());
        write(tx -> {
            tx.insertCaCertificate(again);
            return null;
        });
        reopen();
        assertThat(findCaCertificate(ca.certificateId())).contains(again);
        assertThat(read(SecurityReader::caCertificates)).containsExactly(again, other);
    }

    @Test
    void aCertificateNeedsItsCaToBeRegistered() {
        assertThatThrownBy(() -> write(tx -> {
            tx.insertCertificate(certificate("c1", id("unregistered")));
            return null;
        })).hasCauseInstanceOf(StoreConflictException.class);
    }

    @Test
    void certificatesArePagedInCreationOrderBothWays() {
        List<String> ids = IntStream.range(0, 7).mapToObj(i -> id("c" + i)).toList();
        write(tx -> {
            ids.forEach(id -> tx.insertCertificate(certificateWithId(id, null)));
            return null;
        });
        assertThat(collect(cursor -> read(r -> r.certificates(true, cursor, 3)))).containsExactlyElementsOf(ids);
        List<String> descending = new ArrayList<>(ids);
        java.util.Collections.reverse(descending);
        assertThat(collect(cursor -> read(r -> r.certificates(false, cursor, 2)))).containsExactlyElementsOf(descending);
        Page<Certificate> first = read(r -> r.certificates(true, null, 3));
        assertThat(first.nextCursor()).matches("[A-Za-z0-9+/]+={0,2}");
        assertThatThrownBy(() -> read(r -> r.certificates(true, "not a marker", 3))).hasCauseInstanceOf(InvalidRequestException.class);
    }

    @Test
    void attachmentsArePagedAndGoWithTheirThing() {
        thing("pump-1");
        thing("pump-2");
        List<String> certificates = IntStream.range(0, 5).mapToObj(i -> id("c" + i)).toList();
        write(tx -> {
            certificates.forEach(id -> tx.insertCertificate(certificateWithId(id, null)));
            certificates.forEach(id -> tx.attach("pump-1", id));
            tx.attach("pump-2", certificates.get(0));
            return null;
        });
        assertThat((boolean) write(tx -> tx.attach("pump-1", certificates.get(0)))).as("already attached").isFalse();
        assertThat((boolean) read(r -> r.isAttached("pump-1", certificates.get(3)))).isTrue();
        assertThat((boolean) read(r -> r.isAttached("pump-2", certificates.get(3)))).isFalse();
        assertThat(collectStrings(cursor -> read(r -> r.certificatesOfThing("pump-1", cursor, 2)))).containsExactlyElementsOf(certificates);
        assertThat(collectStrings(cursor -> read(r -> r.thingsOfCertificate(certificates.get(0), cursor, 1))))
                .containsExactly("pump-1", "pump-2");
        assertThat((boolean) read(r -> r.thingExists("pump-1"))).isTrue();
        assertThat((boolean) read(r -> r.thingExists("pump-9"))).isFalse();
        assertThat((boolean) stores.jobs().read(r -> r.hasPrincipals("pump-2")).join()).isTrue();

        assertThat((boolean) write(tx -> tx.detach("pump-2", certificates.get(0)))).isTrue();
        assertThat((boolean) write(tx -> tx.detach("pump-2", certificates.get(0)))).isFalse();
        assertThat((boolean) stores.jobs().read(r -> r.hasPrincipals("pump-2")).join()).isFalse();

        stores.jobs().write(tx -> tx.deleteThing("pump-1")).join();
        assertThat(read(r -> r.thingsOfCertificate(certificates.get(0), null, 10)).items()).isEmpty();
    }

    @Test
    void attachingToAMissingThingOrCertificateIsRefused() {
        thing("pump-1");
        assertThatThrownBy(() -> write(tx -> tx.attach("pump-1", id("missing")))).hasCauseInstanceOf(StoreConflictException.class);
        write(tx -> {
            tx.insertCertificate(certificate("c1", null));
            return null;
        });
        assertThatThrownBy(() -> write(tx -> tx.attach("ghost", id("c1")))).hasCauseInstanceOf(StoreConflictException.class);
    }

    private void thing(String name) {
        stores.jobs().write(tx -> {
            tx.insertThing(new Thing(name, "id-" + name, Map.of(), 1, 1));
            return null;
        }).join();
    }

    private void reopen() {
        stores.jobs().close();
        stores = open();
    }

    private <T> T write(Function<SecurityTransaction, T> work) {
        return stores.security().write(work).join();
    }

    private <T> T read(Function<SecurityReader, T> work) {
        return stores.security().read(work).join();
    }

    private Optional<Certificate> findCertificate(String certificateId) {
        return read(r -> r.findCertificate(certificateId));
    }

    private Optional<CaCertificate> findCaCertificate(String certificateId) {
        return read(r -> r.findCaCertificate(certificateId));
    }

    private Optional<AccessKey> findAccessKey(String accessKeyId) {
        return read(r -> r.findAccessKey(accessKeyId));
    }

    private static List<String> collect(Function<String, Page<Certificate>> pages) {
        return collectStrings(cursor -> {
            Page<Certificate> page = pages.apply(cursor);
            return new Page<>(page.items().stream().map(Certificate::certificateId).toList(), page.nextCursor());
        });
    }

    private static List<String> collectStrings(Function<String, Page<String>> pages) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = pages.apply(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    static String id(String seed) {
        return String.format("%064x", new java.math.BigInteger(1, seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Certificate certificate(String seed, String caId) {
        return certificateWithId(id(seed), caId);
    }

    private static Certificate certificateWithId(String id, String caId) {
        return new Certificate(id, "-----BEGIN CERTIFICATE-----\n" + id + "\n-----END CERTIFICATE-----\n", CertificateStatus.ACTIVE,
                caId, caId == null ? CertificateMode.SNI_ONLY : CertificateMode.DEFAULT, 1_700_000_000_123L, 1_700_000_000_123L, 1, "g1",
                1_600_000_000_000L, 1_900_000_000_000L);
    }

    private static CaCertificate ca(String seed) {
        return new CaCertificate(id(seed), "ca pem " + seed, CaCertificateStatus.ACTIVE, false, CertificateMode.DEFAULT, 5, 5, 1, "g1",
                1_600_000_000_000L, 1_900_000_000_000L);
    }
}
