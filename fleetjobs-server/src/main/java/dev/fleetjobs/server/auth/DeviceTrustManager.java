package dev.fleetjobs.server.auth;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The device listener's client-certificate check during the TLS handshake, backed by
 * {@link TrustAnchors} so that CAs and certificates registered at run time count at once.
 * It names no acceptable issuers, so clients offer their certificate whatever CA signed it.
 */
public final class DeviceTrustManager extends X509ExtendedTrustManager {

    private final TrustAnchors anchors;

    public DeviceTrustManager(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!anchors.trusts(chain)) {
            throw new CertificateException("The client certificate is not registered and does not chain to a registered, active CA");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The device listener does not connect to servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
