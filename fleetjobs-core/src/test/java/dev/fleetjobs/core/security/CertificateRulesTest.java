package dev.fleetjobs.core.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.CertificateStateException;
import dev.fleetjobs.core.error.DeleteConflictException;
import dev.fleetjobs.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateRulesTest {

    private static Certificate in(CertificateStatus status) {
        return new Certificate("a".repeat(64), "pem", status, null, CertificateMode.DEFAULT, 1, 1, 1, "g", 0, 1);
    }

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void onlyActiveInactiveAndRevokedMayBeSet(CertificateStatus requested) {
        if (CertificateRules.SETTABLE.contains(requested)) {
            assertThatCode(() -> CertificateRules.checkUpdate(in(CertificateStatus.INACTIVE), requested)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CertificateRules.checkUpdate(in(CertificateStatus.INACTIVE), requested))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void aRevokedCertificateStaysRevoked() {
        assertThatThrownBy(() -> CertificateRules.checkUpdate(in(CertificateStatus.REVOKED), CertificateStatus.ACTIVE))
                .isInstanceOf(CertificateStateException.class);
        assertThatThrownBy(() -> CertificateRules.checkUpdate(in(CertificateStatus.REVOKED), CertificateStatus.INACTIVE))
                .isInstanceOf(CertificateStateException.class);
        assertThatCode(() -> CertificateRules.checkUpdate(in(CertificateStatus.REVOKED), CertificateStatus.REVOKED)).doesNotThrowAnyException();
    }

    @Test
    void deletionNeedsANonActiveDetachedCertificate() {
        assertThatThrownBy(() -> CertificateRules.checkDelete(in(CertificateStatus.ACTIVE), false, "arn"))
                .isInstanceOf(CertificateStateException.class);
        assertThatThrownBy(() -> CertificateRules.checkDelete(in(CertificateStatus.INACTIVE), true, "arn"))
                .isInstanceOf(DeleteConflictException.class).hasMessageContaining("arn");
        assertThatCode(() -> CertificateRules.checkDelete(in(CertificateStatus.REVOKED), false, "arn")).doesNotThrowAnyException();
    }
}
