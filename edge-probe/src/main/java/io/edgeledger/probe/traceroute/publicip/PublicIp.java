package io.edgeledger.probe.traceroute.publicip;

/** The source's public IP, or why there is none ({@code address} empty, {@code error} set): never fatal. */
public record PublicIp(String address, String error) {
    static PublicIp failed(String error) {
        return new PublicIp("", error);
    }
}
