package dev.fleetjobs.server.http;

import dev.fleetjobs.core.security.CertificateStatus;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.CertificateIdentity;
import dev.fleetjobs.protocol.controlplane.CreateKeysAndCertificateResponse;
import dev.fleetjobs.protocol.controlplane.DescribeCertificateResponse;
import dev.fleetjobs.protocol.controlplane.KeyPair;
import dev.fleetjobs.protocol.controlplane.ListCertificatesResponse;
import dev.fleetjobs.protocol.controlplane.ListPrincipalThingsResponse;
import dev.fleetjobs.protocol.controlplane.ListThingPrincipalsResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CertificateService;
import dev.fleetjobs.server.service.ThingPrincipalService;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Device certificates and their attachment to things, on the control plane. */
public final class CertificateRoutes implements RouteGroup {

    static final int DEFAULT_PAGE_SIZE = 25;
    private static final String PRINCIPAL_HEADER = "x-amzn-principal";

    private final CertificateService certificates;
    private final ThingPrincipalService principals;
    private final Arns arns;
    private final CertificateShapes shapes;

    public CertificateRoutes(CertificateService certificates, ThingPrincipalService principals, Arns arns, String accountId) {
        this.certificates = certificates;
        this.principals = principals;
        this.arns = arns;
        this.shapes = new CertificateShapes(arns, accountId);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("CreateKeysAndCertificate", "POST", "/keys-and-certificate", this::createKeysAndCertificate)
                .add("RegisterCertificate", "POST", "/certificate/register", this::registerCertificate)
                .add("RegisterCertificateWithoutCA", "POST", "/certificate/register-no-ca", this::registerCertificateWithoutCa)
                .add("DescribeCertificate", "GET", "/certificates/{certificateId}", this::describeCertificate)
                .add("UpdateCertificate", "PUT", "/certificates/{certificateId}", this::updateCertificate)
                .add("DeleteCertificate", "DELETE", "/certificates/{certificateId}", this::deleteCertificate)
                .add("ListCertificates", "GET", "/certificates", this::listCertificates)
                .add("ListCertificatesByCA", "GET", "/certificates-by-ca/{caCertificateId}", this::listCertificatesByCa)
                .add("AttachThingPrincipal", "PUT", "/things/{thingName}/principals", this::attachThingPrincipal)
                .add("DetachThingPrincipal", "DELETE", "/things/{thingName}/principals", this::detachThingPrincipal)
                .add("ListThingPrincipals", "GET", "/things/{thingName}/principals", this::listThingPrincipals)
                .add("ListPrincipalThings", "GET", "/principals/things", this::listPrincipalThings);
    }

    private CompletableFuture<?> createKeysAndCertificate(ApiRequest request) {
        return certificates.createKeysAndCertificate(request.query().bool("setAsActive", false)).thenApply(issued ->
                new CreateKeysAndCertificateResponse(arns.certificate(issued.certificate().certificateId()),
                        issued.certificate().certificateId(), issued.certificate().certificatePem(),
                        new KeyPair(issued.publicKeyPem(), issued.privateKeyPem())));
    }

    private CompletableFuture<?> registerCertificate(ApiRequest request) {
        JsonInput body = request.body();
        CertificateStatus status = Enums.parse(CertificateStatus.class, "status", body.string("status"));
        if (status == null && request.query().bool("setAsActive", false)) {
            status = CertificateStatus.ACTIVE;
        }
        return certificates.register(body.string("certificatePem"), body.string("caCertificatePem"), status)
                .thenApply(c -> new CertificateIdentity(arns.certificate(c.certificateId()), c.certificateId()));
    }

    private CompletableFuture<?> registerCertificateWithoutCa(ApiRequest request) {
        JsonInput body = request.body();
        CertificateStatus status = Enums.parse(CertificateStatus.class, "status", body.string("status"));
        return certificates.registerWithoutCa(body.string("certificatePem"), status)
                .thenApply(c -> new CertificateIdentity(arns.certificate(c.certificateId()), c.certificateId()));
    }

    private CompletableFuture<?> describeCertificate(ApiRequest request) {
        return certificates.describe(request.path("certificateId")).thenApply(c -> new DescribeCertificateResponse(shapes.description(c)));
    }

    private CompletableFuture<?> updateCertificate(ApiRequest request) {
        CertificateStatus status = Enums.parse(CertificateStatus.class, "newStatus", request.query().string("newStatus"));
        return certificates.update(request.path("certificateId"), status).thenApply(c -> Map.of());
    }

    private CompletableFuture<?> deleteCertificate(ApiRequest request) {
        return certificates.delete(request.path("certificateId"), request.query().bool("forceDelete", false)).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> listCertificates(ApiRequest request) {
        QueryInput query = request.query();
        int pageSize = Validator.maxResults("pageSize", query.intValue("pageSize"), DEFAULT_PAGE_SIZE);
        return certificates.list(query.bool("isAscendingOrder", false), query.string("marker"), pageSize)
                .thenApply(page -> new ListCertificatesResponse(page.items().stream().map(shapes::summary).toList(), page.nextCursor()));
    }

    /** The same paging as ListCertificates; the model's response shape is ListCertificates' too. */
    private CompletableFuture<?> listCertificatesByCa(ApiRequest request) {
        QueryInput query = request.query();
        int pageSize = Validator.maxResults("pageSize", query.intValue("pageSize"), DEFAULT_PAGE_SIZE);
        return certificates.listByCa(request.path("caCertificateId"), query.bool("isAscendingOrder", false), query.string("marker"), pageSize)
                .thenApply(page -> new ListCertificatesResponse(page.items().stream().map(shapes::summary).toList(), page.nextCursor()));
    }

    private CompletableFuture<?> attachThingPrincipal(ApiRequest request) {
        String type = request.query().string("thingPrincipalType");
        if (type != null && !type.equals("EXCLUSIVE_THING") && !type.equals("NON_EXCLUSIVE_THING")) {
            throw Validator.invalid("thingPrincipalType", type, "Member must satisfy enum value set: [EXCLUSIVE_THING, NON_EXCLUSIVE_THING]");
        }
        return principals.attach(request.path("thingName"), request.header(PRINCIPAL_HEADER), "EXCLUSIVE_THING".equals(type))
                .thenApply(v -> Map.of());
    }

    private CompletableFuture<?> detachThingPrincipal(ApiRequest request) {
        return principals.detach(request.path("thingName"), request.header(PRINCIPAL_HEADER)).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> listThingPrincipals(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return principals.principalsOf(request.path("thingName"), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListThingPrincipalsResponse(page.items(), page.nextCursor()));
    }

    private CompletableFuture<?> listPrincipalThings(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return principals.thingsOf(request.header(PRINCIPAL_HEADER), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListPrincipalThingsResponse(page.items(), page.nextCursor()));
    }
}
