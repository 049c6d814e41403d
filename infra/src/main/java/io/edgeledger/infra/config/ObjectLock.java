package io.edgeledger.infra.config;

/**
 * S3 Object Lock default retention for the ledger bucket. {@code days == 0} means off. Governance mode can be
 * lifted by an account admin with a special permission; compliance mode cannot be lifted by anyone until it expires.
 */
public record ObjectLock(int days, Mode mode) {
    public enum Mode { GOVERNANCE, COMPLIANCE }

    public static ObjectLock off() {
        return new ObjectLock(0, Mode.GOVERNANCE);
    }

    public boolean enabled() {
        return days > 0;
    }
}
