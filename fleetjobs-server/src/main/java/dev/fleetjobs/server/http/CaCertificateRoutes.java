package dev.fleetjobs.server.http;

import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.CertificateIdentity;
import dev.fleetjobs.protocol.controlplane.DescribeCACertificateResponse;
import dev.fleetjobs.protocol.controlplane.GetRegistrationCodeResponse;
import dev.fleetjobs.protocol.controlplane.ListCACertificatesResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CaCertificateService;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** CA certificates and the registration code, on the control plane. */
public final class CaCertificateRoutes implements RouteGroup {


    private final CaCertificateService cas;
    private final Arns arns;
    private final CertificateShapes shapes;

    public CaCertificateRoutes(CaCertificateService cas, Arns arns, String accountId) {
        this.cas = cas;
        this.arns = arns;
        this.shapes = new CertificateShapes(arns, accountId);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("GetRegistrationCode", "GET", "/registrationcode", request -> CompletableFuture.completedFuture(new GetRegistrationCodeResponse(cas.registrationCode())))
                .add("RegisterCACertificate", "POST", "/cacertificate", this::registerCaCertificate)
                .add("DescribeCACertificate", "GET", "/cacertificate/{caCertificateId}", this::describeCaCertificate)
                .add("UpdateCACertificate", "PUT", "/cacertificate/{caCertificateId}", this::updateCaCertificate)
                .add("DeleteCACertificate", "DELETE", "/cacertificate/{caCertificateId}", request -> cas.delete(request.path("caCertificateId")).thenApply(v -> Map.of()))
                .add("ListCACertificates", "GET", "/cacertificates", this::listCaCertificates);
    }

    private CompletableFuture<?> registerCaCertificate(ApiRequest request) {
        JsonInput body = request.body();
        body.refuseUnsupported(List.of("registrationConfig"), "Just-in-time provisioning (a provisioning template) is not available.");
        body.refuseUnsupported(List.of("tags"), "CA certificates cannot be tagged here (TagResource takes jobs, job templates, things"
                + " and thing groups).");
        CertificateMode mode = Enums.parse(CertificateMode.class, "certificateMode", body.string("certificateMode"));
        return cas.register(body.string("caCertificate"), body.string("verificationCertificate"), mode,
                        request.query().bool("setAsActive", false), request.query().bool("allowAutoRegistration", false))
                .thenApply(ca -> new CertificateIdentity(arns.caCertificate(ca.certificateId()), ca.certificateId()));
    }

    private CompletableFuture<?> describeCaCertificate(ApiRequest request) {
        return cas.describe(request.path("caCertificateId")).thenApply(ca -> new DescribeCACertificateResponse(shapes.description(ca)));
    }

    private CompletableFuture<?> updateCaCertificate(ApiRequest request) {
        request.body().refuseUnsupported(List.of("registrationConfig"), "Just-in-time provisioning is not available.");
        CaCertificateStatus status = Enums.parse(CaCertificateStatus.class, "newStatus", request.query().string("newStatus"));
        String auto = request.query().string("newAutoRegistrationStatus");
        if (auto != null && !auto.equals("ENABLE") && !auto.equals("DISABLE")) {
            throw Validator.invalid("newAutoRegistrationStatus", auto, "Member must satisfy enum value set: [ENABLE, DISABLE]");
        }
        Boolean autoRegistration = Boolean.TRUE.equals(request.body().bool("removeAutoRegistration")) ? Boolean.FALSE
                : auto == null ? null : auto.equals("ENABLE");
        return cas.update(request.path("caCertificateId"), status, autoRegistration).thenApply(ca -> Map.of());
    }

    /** CAs are few: the whole list is read and cut into pages here, the marker holding the offset. */
    private CompletableFuture<?> listCaCertificates(ApiRequest request) {
        QueryInput query = request.query();
        int pageSize = Validator.maxResults("pageSize", query.intValue("pageSize"), CertificateRoutes.DEFAULT_PAGE_SIZE);
        boolean ascending = query.bool("isAscendingOrder", false);
        int offset = offset(query.string("marker"));
        return cas.list().thenApply(all -> {
            List<CaCertificate> ordered = new ArrayList<>(all);
            if (!ascending) {
                java.util.Collections.reverse(ordered);
            }
            int end = Math.min(ordered.size(), offset + pageSize);
            List<CaCertificate> page = offset >= ordered.size() ? List.of() : ordered.subList(offset, end);
            String next = end < ordered.size() ? Base64.getEncoder().encodeToString(("o:" + end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
            return new ListCACertificatesResponse(page.stream().map(shapes::summary).toList(), next);
        });
    }

    private static int offset(String marker) {
        if (marker == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(marker), java.nio.charset.StandardCharsets.UTF_8);
            if (text.startsWith("o:")) {
                int offset = Integer.parseInt(text.substring(2));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw Validator.invalid("marker", marker, "Member must be a marker returned by ListCACertificates");
    }
}
