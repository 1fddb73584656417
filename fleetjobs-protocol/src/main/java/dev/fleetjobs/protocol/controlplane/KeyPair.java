package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The model spells these two members with capitals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyPair(@JsonProperty("PublicKey") String publicKey, @JsonProperty("PrivateKey") String privateKey) {

    @Override
    public String toString() {
        return "KeyPair[PublicKey=" + publicKey + ", PrivateKey=<hidden>]";
    }
}
