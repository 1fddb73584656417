package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.security.ThingPattern;
import dev.fleetjobs.protocol.Plane;
import java.util.Objects;

/**
 * Who signed a request, and so what it may do.
 *
 * @param name    what error messages call it (an IAM-style user ARN)
 * @param things  the things a DEVICE may act for; null for the other roles
 */
public record Principal(String name, Role role, ThingPattern things) {

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** Refuses a plane outside the role: operators have the control plane, devices the data plane, admins both. */
    public void checkPlane(Plane plane) {
        boolean allowed = switch (role) {
            case ADMIN -> true;
            case OPERATOR -> plane == Plane.CONTROL;
            case DEVICE -> plane == Plane.DATA;
        };
        if (!allowed) {
            throw new AccessDeniedException("User: " + name + " is not authorized to perform "
                    + (plane == Plane.DATA ? "iotjobsdata" : "iot") + " actions: its role is " + role.name().toLowerCase());
        }
    }

    /** Refuses a device acting for a thing its pattern does not match. */
    public void checkThing(String thingName) {
        if (role == Role.DEVICE && (thingName == null || !things.matches(thingName))) {
            throw new AccessDeniedException("User: " + name + " is not authorized to act on resource: thing/" + thingName);
        }
    }
}
