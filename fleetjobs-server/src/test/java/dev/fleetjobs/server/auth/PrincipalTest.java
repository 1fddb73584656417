package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.security.ThingPattern;
import dev.fleetjobs.protocol.Plane;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private final Principal admin = new Principal("admin", Role.ADMIN, null);
    private final Principal operator = new Principal("operator", Role.OPERATOR, null);
    private final Principal device = new Principal("device", Role.DEVICE, new ThingPattern("pump-*"));

    @Test
    void rolesOpenTheirPlanesOnly() {
        assertThatCode(() -> admin.checkPlane(Plane.CONTROL)).doesNotThrowAnyException();
        assertThatCode(() -> admin.checkPlane(Plane.DATA)).doesNotThrowAnyException();
        assertThatCode(() -> operator.checkPlane(Plane.CONTROL)).doesNotThrowAnyException();
        assertThatThrownBy(() -> operator.checkPlane(Plane.DATA)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("operator");
        assertThatCode(() -> device.checkPlane(Plane.DATA)).doesNotThrowAnyException();
        assertThatThrownBy(() -> device.checkPlane(Plane.CONTROL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void devicesActForMatchingThingsOnly() {
        assertThatCode(() -> device.checkThing("pump-7")).doesNotThrowAnyException();
        assertThatThrownBy(() -> device.checkThing("valve-7")).isInstanceOf(AccessDeniedException.class).hasMessageContaining("valve-7");
        assertThatThrownBy(() -> device.checkThing(null)).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> admin.checkThing("valve-7")).doesNotThrowAnyException();
    }
}
